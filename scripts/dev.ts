// npm run dev — the whole shop locally: Postgres, Redis, both bridges, migrations, demo data, then
// `wrangler dev` (live reload, dev proxy). `npm run serve` is the same stack with the production bundle.
import { runLocal } from "./lib/local-run.ts";

await runLocal("dev");

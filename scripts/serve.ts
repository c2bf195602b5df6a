// npm run serve — the same local stack as `npm run dev`, but the Worker is the production bundle
// (`wrangler deploy --dry-run`, as `npm run build` makes it) under plain `workerd serve`, with a
// config generated from wrangler.toml: no dev proxy, inspector or live reload.
import { runLocal } from "./lib/local-run.ts";

await runLocal("serve");

// npm run cf:types — regenerates worker-configuration.d.ts (the bindings of wrangler.toml) with `wrangler types`.
// test/node/cf-types.test.ts fails (and says to run this) whenever the committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { CF_TYPES_FILE, runWranglerTypes } from "./lib/cf-types.ts";

const before = fs.existsSync(CF_TYPES_FILE) ? fs.readFileSync(CF_TYPES_FILE, "utf8") : "";
runWranglerTypes(path.basename(CF_TYPES_FILE));
const text = fs.readFileSync(CF_TYPES_FILE, "utf8");
console.log(`${path.relative(process.cwd(), CF_TYPES_FILE)}: ${before === text ? "unchanged" : "updated"}`);

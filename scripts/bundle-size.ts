// npm run build:check — builds the production bundle and fails when its gzip size passes the budget.
// Budget: 400 KiB gzipped (Workers Free allows 3 MiB; a small bundle keeps cold starts short).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KIB = 400;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist");
fs.rmSync(out, { recursive: true, force: true });
execFileSync(path.join(root, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", out], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});
let raw = 0;
let gzip = 0;
for (const file of fs.readdirSync(out)) {
  if (!/\.(m?js|wasm)$/.test(file)) continue;
  const bytes = fs.readFileSync(path.join(out, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kib = (n: number) => (n / 1024).toFixed(1);
console.log(`bundle: ${kib(raw)} KiB raw, ${kib(gzip)} KiB gzip (budget ${BUDGET_KIB} KiB gzip)`);
if (gzip > BUDGET_KIB * 1024) {
  console.error(`bundle is over budget by ${kib(gzip - BUDGET_KIB * 1024)} KiB`);
  process.exit(1);
}

// npm run build — builds the production bundle and fails when a gzip size passes its budget:
//   the Worker: 400 KiB gzipped (Workers Free allows 3 MiB; a small bundle keeps cold starts short);
//   the storefront's static assets (dist/web, built by `npm run build:web` first): 150 KiB gzipped,
//   everything a browser may download except source maps and the API reference's Scalar bundle
//   (served only at /docs, and as big as Scalar makes it).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const WORKER_BUDGET_KIB = 400;
const ASSETS_BUDGET_KIB = 150;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist", "worker");
const assets = path.join(root, "dist", "web");
if (!fs.existsSync(path.join(assets, "index.html"))) {
  console.error("dist/web is missing: run `npm run build:web` first (`npm run build` does)");
  process.exit(1);
}
fs.rmSync(out, { recursive: true, force: true });
execFileSync(path.join(root, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", out], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});

const kib = (n: number) => (n / 1024).toFixed(1);
function measure(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

let failed = false;
function check(label: string, size: { raw: number; gzip: number }, budgetKib: number, detail = ""): void {
  console.log(`${label}: ${kib(size.raw)} KiB raw, ${kib(size.gzip)} KiB gzip (budget ${budgetKib} KiB gzip)${detail}`);
  if (size.gzip > budgetKib * 1024) {
    console.error(`${label} is over budget by ${kib(size.gzip - budgetKib * 1024)} KiB`);
    failed = true;
  }
}

const workerFiles = fs.readdirSync(out).filter((f) => /\.(m?js|wasm)$/.test(f)).map((f) => path.join(out, f));
check("bundle", measure(workerFiles), WORKER_BUDGET_KIB);

const assetFiles = (fs.readdirSync(assets, { recursive: true }) as string[])
  .map((f) => path.join(assets, f))
  .filter((f) => fs.statSync(f).isFile());
const reference = assetFiles.filter((f) => /[\\/]scalar-[^\\/]+\.js$/.test(f));
const storefront = assetFiles.filter((f) => !f.endsWith(".map") && path.basename(f) !== "_headers" && !reference.includes(f));
const referenceSize = measure(reference);
check("assets", measure(storefront), ASSETS_BUDGET_KIB, `; API reference bundle apart: ${kib(referenceSize.gzip)} KiB gzip`);
if (failed) process.exit(1);

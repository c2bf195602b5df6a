import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StartupError } from "./startup-error.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The storefront and /docs are static assets that wrangler.toml's [assets] serves (and that wrangler
 * refuses to start without): built from web/ before every start, a second or two, so they match the
 * sources whichever script starts the Worker.
 */
export function buildAssets(): void {
  try {
    execFileSync(process.execPath, [path.join(root, "scripts", "build-web.ts")], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    const reason = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err instanceof Error ? err.message : String(err));
    throw new StartupError(`The static assets could not be built (npm run build:web): ${reason.split("\n")[0]}`);
  }
}

/**
 * The production bundle, made exactly as `npm run build` makes it (`wrangler deploy --dry-run`),
 * into `outDir`. `minify: false` keeps function names readable (for CPU profiles only).
 */
export async function buildBundle(outDir: string, opts: { minify?: boolean; echo?: boolean } = {}): Promise<string> {
  buildAssets(); // wrangler refuses to bundle while the [assets] directory is missing
  fs.rmSync(outDir, { recursive: true, force: true });
  const args = ["deploy", "--dry-run", "--outdir", outDir, ...(opts.minify === false ? ["--minify=false"] : [])];
  let output = "";
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "wrangler"), args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (err) => {
      output += String(err);
      resolve(1);
    });
    child.once("exit", resolve);
  });
  if (code !== 0) {
    if (opts.echo) process.stderr.write(output);
    // eslint-disable-next-line no-control-regex
    const reason = output.replace(/\x1b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).find((l) => /^✘|ERROR|error:/i.test(l)) ?? `exit code ${code}`;
    throw new StartupError(`The production bundle could not be built (wrangler deploy --dry-run): ${reason.replace(/^✘\s*/, "")}`);
  }
  return outDir;
}

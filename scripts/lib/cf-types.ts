// The Worker's binding types, generated from wrangler.toml by `wrangler types` (no network, no account).
// Used by `npm run cf:types` (writes the file) and by test/node/cf-types.test.ts (fails when it is stale).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the generated types live (committed: src/env.ts builds Env on them). */
export const CF_TYPES_FILE = path.join(root, "worker-configuration.d.ts");
export const CF_TYPES_COMMAND = "npm run cf:types";

/**
 * `--env-file=/dev/null`: secrets are declared in src/env.ts, never inferred from a developer's
 * .dev.vars (which `npm run dev` writes), so every machine generates the same file. Runtime types
 * come from @cloudflare/workers-types (tsconfig.json), and vars stay `string` (they are parsed
 * and checked by readConfig, and can be overridden per deployment).
 */
const FLAGS = ["--env-file=/dev/null", "--include-runtime=false", "--strict-vars=false"];

/** Runs `wrangler types` into `file` (relative to the repository root). */
export function runWranglerTypes(file: string): void {
  const wrangler = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  const result = spawnSync(process.execPath, [wrangler, "types", ...FLAGS, file], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  });
  if (result.status !== 0) throw new Error(`wrangler types failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** The text `npm run cf:types` writes for today's wrangler.toml, generated beside it under another name. */
export function generateWorkerTypes(): string {
  const name = `worker-configuration.${process.pid}.tmp.d.ts`;
  try {
    runWranglerTypes(name);
    // The header quotes the command; the file's own name is its only difference from the real run.
    return fs.readFileSync(path.join(root, name), "utf8").replace(` ${name}\``, "`");
  } finally {
    fs.rmSync(path.join(root, name), { force: true });
  }
}

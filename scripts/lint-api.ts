// npm run lint:api — lints the OpenAPI document the Worker serves with the linters its users run:
// Redocly (ruleset `recommended`, redocly.yaml) and Spectral (spectral:oas and the OWASP API
// Security ruleset, .spectral.yaml). The document is built from the app, as `npm run api:types`
// does: no server, no database. Exits non-zero on any error of either; warnings are printed.
// What a route needs to pass: docs/design/openapi-lint.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { servedOpenApiDocument } from "./lib/api-types.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-openapi-"));
const file = path.join(dir, "openapi.json");
fs.writeFileSync(file, JSON.stringify(await servedOpenApiDocument(), null, 2));

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
  if (result.error) throw result.error;
  return result.status === 0;
}

try {
  const redocly = run("Redocly (recommended)", bin("redocly"), ["lint", file, "--config", path.join(root, "redocly.yaml")]);
  const spectral = run("Spectral (spectral:oas + OWASP)", bin("spectral"), ["lint", file, "--ruleset", path.join(root, ".spectral.yaml"), "--fail-severity", "error"]);
  if (!redocly || !spectral) {
    console.error(`\nlint:api failed:${redocly ? "" : " Redocly"}${spectral ? "" : " Spectral"} found errors (see docs/design/openapi-lint.md).`);
    process.exitCode = 1;
  } else {
    console.log("\nlint:api: no errors from Redocly or Spectral.");
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

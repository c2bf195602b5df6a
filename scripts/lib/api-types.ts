// The storefront's typed client: TypeScript types generated from the OpenAPI document the Worker serves.
// Used by `npm run api:types` (writes the file) and by test/node/api-types.test.ts (fails when it is stale).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the generated types live (committed: the storefront typechecks against them). */
export const API_TYPES_FILE = path.join(root, "web", "src", "api", "schema.d.ts");
export const API_TYPES_COMMAND = "npm run api:types";

/**
 * GET /api/openapi.json answered by the Worker's own Hono app, in Node: src/ is bundled with
 * esbuild (it uses bundler-style imports Node cannot resolve) and asked through app.request(),
 * so the document is exactly what the Worker serves, with no server and no database.
 */
export async function servedOpenApiDocument(): Promise<OpenAPI3> {
  const outDir = path.join(root, "node_modules", ".cache", "edge-shop");
  fs.mkdirSync(outDir, { recursive: true });
  // Inside node_modules/ so the bundle's bare imports (hono, zod, …) resolve to the project's packages.
  const outfile = path.join(outDir, `app-${process.pid}-${Date.now()}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(root, "src", "app.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "error",
    plugins: [
      {
        // Durable Object classes extend cloudflare:workers' DurableObject; the document never needs them.
        name: "cloudflare-workers-stub",
        setup(build) {
          build.onResolve({ filter: /^cloudflare:/ }, (args) => ({ path: args.path, namespace: "cloudflare-stub" }));
          build.onLoad({ filter: /.*/, namespace: "cloudflare-stub" }, () => ({
            contents: "export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } } export class WorkerEntrypoint {}",
            loader: "js",
          }));
        },
      },
    ],
  });
  try {
    const mod = (await import(pathToFileURL(outfile).href)) as { createApp(): { request(path: string): Response | Promise<Response> } };
    const res = await mod.createApp().request("/api/openapi.json");
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenAPI3;
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

/** The text of web/src/api/schema.d.ts for a document. */
export async function generateApiTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document, { silent: true });
  const header = [
    "// Generated from GET /api/openapi.json by `npm run api:types` (openapi-typescript). Do not edit:",
    "// change the Worker's zod schemas and routes, then run that command and commit the result.",
    "",
  ].join("\n");
  return `${header}${astToString(ast)}`;
}

// npm run build:web — the static assets (storefront at /, API reference at /docs) into dist/web,
// which wrangler.toml's [assets] serves without invoking the Worker.
//
//   web/index.html, web/src/main.tsx, web/styles.css → index.html, assets/app-<hash>.js, assets/app-<hash>.css
//   web/docs.html, web/src/docs.ts                    → docs.html (served at /docs), assets/docs-<hash>.js
//   @scalar/api-reference's standalone bundle          → assets/scalar-<version>.js (self-hosted)
//   web/_headers, web/favicon.svg                      → as they are
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const web = path.join(root, "web");
const WEB_OUT = path.join(root, "dist", "web");
/** The API reference bundle: big (Scalar), so scripts/bundle-size.ts leaves it out of the storefront's budget. */
const SCALAR_PREFIX = "assets/scalar-";

const started = performance.now();
// Empty the directory but keep it: a running `wrangler dev` watches it and stops serving assets
// when the directory itself disappears.
fs.mkdirSync(WEB_OUT, { recursive: true });
for (const entry of fs.readdirSync(WEB_OUT)) fs.rmSync(path.join(WEB_OUT, entry), { recursive: true, force: true });
fs.mkdirSync(path.join(WEB_OUT, "assets"), { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { app: "web/src/main.tsx", docs: "web/src/docs.ts" },
  outdir: path.join(WEB_OUT, "assets"),
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022", "chrome111", "firefox113", "safari16.4"],
  jsx: "automatic",
  jsxImportSource: "preact",
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
});
const css = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { app: "web/styles.css" },
  outdir: path.join(WEB_OUT, "assets"),
  entryNames: "[name]-[hash]",
  bundle: true,
  minify: true,
  metafile: true,
  logLevel: "warning",
});

/** The hashed output name of each entry, by entry name ("app.js", "app.css", "docs.js"). */
const outputs = new Map<string, string>();
for (const [file, meta] of [...Object.entries(result.metafile.outputs), ...Object.entries(css.metafile.outputs)]) {
  if (!meta.entryPoint || file.endsWith(".map")) continue;
  const base = path.basename(file);
  const entry = `${base.slice(0, base.indexOf("-"))}${path.extname(base)}`;
  outputs.set(entry, `/assets/${base}`);
}

// Scalar ships one self-contained browser bundle; its source map (17 MB) stays behind.
const scalarPackage = path.join(root, "node_modules", "@scalar", "api-reference");
const scalarVersion = (JSON.parse(fs.readFileSync(path.join(scalarPackage, "package.json"), "utf8")) as { version: string }).version;
const scalar = fs.readFileSync(path.join(scalarPackage, "dist", "browser", "standalone.js"), "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
const scalarFile = `${SCALAR_PREFIX}${scalarVersion}-${crypto.createHash("sha256").update(scalar).digest("hex").slice(0, 8)}.js`;
fs.writeFileSync(path.join(WEB_OUT, scalarFile), scalar);
outputs.set("scalar.js", `/${scalarFile}`);

/** Copies an HTML page, pointing its /assets/<entry> references at the hashed files. */
function page(name: string, outName: string): void {
  let html = fs.readFileSync(path.join(web, name), "utf8");
  html = html.replace(/\/assets\/([a-z]+\.(?:js|css))/g, (whole, entry: string) => {
    const hashed = outputs.get(entry);
    if (!hashed) throw new Error(`${name} refers to ${whole}, which the build does not produce`);
    return hashed;
  });
  fs.writeFileSync(path.join(WEB_OUT, outName), html);
}
page("index.html", "index.html");
// docs.html is served at /docs (html_handling = "auto-trailing-slash").
page("docs.html", "docs.html");
for (const file of ["_headers", "favicon.svg"]) fs.copyFileSync(path.join(web, file), path.join(WEB_OUT, file));

const files = fs.readdirSync(WEB_OUT, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
console.log(`build:web: ${files.length} files in ${path.relative(process.cwd(), WEB_OUT) || "."} (${Math.round(performance.now() - started)} ms)`);

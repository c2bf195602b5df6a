// wrangler.toml as the local runtimes need it: what the Worker is, its bindings and vars, its
// Durable Object classes (SQLite-backed or not, from [[migrations]]), its crons and its assets.
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

export interface AssetsConfig {
  /** Absolute path of the folder of static files. */
  directory: string;
  /** The Worker's binding to fetch assets itself (`assets.binding`), if any. */
  binding?: string;
  htmlHandling: "auto-trailing-slash" | "none";
  notFoundHandling: "none" | "404-page" | "single-page-application";
  /** true: every request reaches the Worker first; a list: the paths that do (`!` excludes). */
  runWorkerFirst: boolean | string[];
}

export interface WorkerConfig {
  /** Folder of wrangler.toml: relative paths in it are relative to this. */
  root: string;
  name: string;
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** `[vars]`: strings become text bindings, anything else a JSON binding. */
  vars: Record<string, unknown>;
  durableObjects: { binding: string; className: string }[];
  /** Classes whose storage is SQLite (`new_sqlite_classes`), as the migrations leave them. */
  sqliteClasses: Set<string>;
  crons: string[];
  assets: AssetsConfig | null;
  /** `[[r2_buckets]]`: the binding name and the bucket it names. */
  r2Buckets: { binding: string; bucketName: string }[];
  /** Keys whose effect `npm run serve` cannot reproduce (a binding kind it does not emulate). */
  unsupported: string[];
}

// Keys that change nothing for a local runtime (deploy, build and dashboard settings).
const IGNORED = new Set([
  "$schema", "account_id", "workers_dev", "preview_urls", "route", "routes", "minify", "keep_names", "upload_source_maps",
  "observability", "logpush", "send_metrics", "keep_vars", "dev", "placement", "limits", "no_bundle", "find_additional_modules",
  "base_dir", "rules", "build", "tsconfig", "define", "alias", "node_compat", "usage_model", "tail_consumers",
]);
const UNDERSTOOD = new Set(["name", "main", "compatibility_date", "compatibility_flags", "vars", "durable_objects", "migrations", "triggers", "assets", "r2_buckets"]);

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** `v` when it is a non-empty string; an error naming the file and the key otherwise. */
function nonEmptyString(file: string, v: unknown, what: string): string {
  if (typeof v !== "string" || !v) throw new Error(`${file}: ${what} must be a non-empty string`);
  return v;
}

function parseToml(file: string): Table {
  try {
    return parse(fs.readFileSync(file, "utf8")) as Table;
  } catch (err) {
    throw new Error(`${file}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
}

/** `[[durable_objects.bindings]]`; a class of another Worker (script_name) goes to `unsupported`. */
function readDurableObjects(file: string, doc: Table, unsupported: string[]): WorkerConfig["durableObjects"] {
  const durableObjects: WorkerConfig["durableObjects"] = [];
  const doTable = doc.durable_objects;
  if (doTable === undefined) return durableObjects;
  if (!isTable(doTable) || !Array.isArray(doTable.bindings)) throw new Error(`${file}: durable_objects.bindings must be an array of tables`);
  for (const b of doTable.bindings as unknown[]) {
    if (!isTable(b)) throw new Error(`${file}: every [[durable_objects.bindings]] must be a table`);
    if (b.script_name !== undefined) unsupported.push(`durable_objects.bindings ${String(b.name)} (script_name: a class of another Worker)`);
    durableObjects.push({ binding: nonEmptyString(file, b.name, "durable_objects.bindings.name"), className: nonEmptyString(file, b.class_name, "durable_objects.bindings.class_name") });
  }
  return durableObjects;
}

/** The classes whose storage is SQLite once every `[[migrations]]` step has applied, in order. */
function sqliteClassesAfterMigrations(doc: Table): Set<string> {
  const sqliteClasses = new Set<string>();
  const kvClasses = new Set<string>();
  for (const m of (Array.isArray(doc.migrations) ? doc.migrations : []) as unknown[]) {
    if (!isTable(m)) continue;
    for (const c of (m.new_sqlite_classes ?? []) as string[]) sqliteClasses.add(c);
    for (const c of (m.new_classes ?? []) as string[]) kvClasses.add(c);
    for (const c of (m.deleted_classes ?? []) as string[]) {
      sqliteClasses.delete(c);
      kvClasses.delete(c);
    }
    for (const r of (m.renamed_classes ?? []) as { from: string; to: string }[]) {
      for (const set of [sqliteClasses, kvClasses]) if (set.delete(r.from)) set.add(r.to);
    }
  }
  return sqliteClasses;
}

/** `[triggers] crons`. */
function readCrons(file: string, doc: Table): string[] {
  if (doc.triggers === undefined) return [];
  if (!isTable(doc.triggers)) throw new Error(`${file}: triggers must be a table`);
  const c = doc.triggers.crons ?? [];
  if (!Array.isArray(c) || c.some((x) => typeof x !== "string")) throw new Error(`${file}: triggers.crons must be an array of strings`);
  return c as string[];
}

/** `[assets]`, its directory resolved against `root`; an html_handling we do not emulate goes to `unsupported`. */
function readAssets(file: string, root: string, doc: Table, unsupported: string[]): AssetsConfig | null {
  if (doc.assets === undefined) return null;
  const a = doc.assets;
  if (!isTable(a)) throw new Error(`${file}: assets must be a table`);
  const html = (a.html_handling ?? "auto-trailing-slash") as string;
  if (html !== "auto-trailing-slash" && html !== "none") unsupported.push(`assets.html_handling = "${html}"`);
  const notFound = (a.not_found_handling ?? "none") as string;
  if (!["none", "404-page", "single-page-application"].includes(notFound)) throw new Error(`${file}: assets.not_found_handling "${notFound}" is not a known value`);
  const first = a.run_worker_first ?? false;
  if (typeof first !== "boolean" && !(Array.isArray(first) && first.every((x) => typeof x === "string"))) throw new Error(`${file}: assets.run_worker_first must be a boolean or an array of paths`);
  return {
    directory: path.resolve(root, nonEmptyString(file, a.directory, "assets.directory")),
    binding: typeof a.binding === "string" ? a.binding : undefined,
    htmlHandling: html === "none" ? "none" : "auto-trailing-slash",
    notFoundHandling: notFound as AssetsConfig["notFoundHandling"],
    runWorkerFirst: first as boolean | string[],
  };
}

/** `[[r2_buckets]]`. */
function readR2Buckets(file: string, doc: Table): WorkerConfig["r2Buckets"] {
  if (doc.r2_buckets === undefined) return [];
  if (!Array.isArray(doc.r2_buckets)) throw new Error(`${file}: r2_buckets must be an array of tables`);
  return (doc.r2_buckets as unknown[]).map((b) => {
    if (!isTable(b)) throw new Error(`${file}: every [[r2_buckets]] must be a table`);
    return { binding: nonEmptyString(file, b.binding, "r2_buckets.binding"), bucketName: nonEmptyString(file, b.bucket_name, "r2_buckets.bucket_name") };
  });
}

export function readWranglerToml(file: string): WorkerConfig {
  const root = path.dirname(path.resolve(file));
  const doc = parseToml(file);
  const unsupported = Object.keys(doc).filter((k) => !IGNORED.has(k) && !UNDERSTOOD.has(k));
  const durableObjects = readDurableObjects(file, doc, unsupported);
  const sqliteClasses = sqliteClassesAfterMigrations(doc);
  const crons = readCrons(file, doc);
  const assets = readAssets(file, root, doc, unsupported);

  const vars = doc.vars === undefined ? {} : doc.vars;
  if (!isTable(vars)) throw new Error(`${file}: vars must be a table`);
  const flags = doc.compatibility_flags ?? [];
  if (!Array.isArray(flags) || flags.some((x) => typeof x !== "string")) throw new Error(`${file}: compatibility_flags must be an array of strings`);

  return {
    root,
    name: nonEmptyString(file, doc.name, "name"),
    main: path.resolve(root, nonEmptyString(file, doc.main, "main")),
    compatibilityDate: nonEmptyString(file, doc.compatibility_date, "compatibility_date"),
    compatibilityFlags: flags as string[],
    vars,
    durableObjects,
    sqliteClasses,
    crons,
    assets,
    r2Buckets: readR2Buckets(file, doc),
    unsupported,
  };
}

/** The `KEY=value` lines of a .dev.vars file (wrangler's secrets for local runs); {} when absent. */
export function readDevVars(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1");
    } else value = value.replace(/\s+#.*$/, "");
    out[m[1]!] = value;
  }
  return out;
}

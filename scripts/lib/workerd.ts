// `npm run serve`'s runtime: the production bundle under plain `workerd serve` (the binary wrangler
// itself runs), with a config generated from wrangler.toml. No dev proxy, inspector or live reload:
// what runs is what Cloudflare runs, minus Cloudflare's network.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startR2, type R2StandIn } from "../stand-ins/r2.ts";
import { startCronTicker } from "./cron.ts";
import { RuntimeProcess } from "./runtime-process.ts";
import { StartupError } from "./startup-error.ts";
import { readDevVars, type AssetsConfig, type WorkerConfig } from "./wrangler-toml.ts";

/** The workerd binary wrangler runs (wrangler → miniflare → workerd), so both runtimes are the same build. */
export function workerdBinary(): string {
  const require = createRequire(import.meta.url);
  const fromWrangler = createRequire(require.resolve("wrangler/package.json"));
  const fromMiniflare = createRequire(fromWrangler.resolve("miniflare"));
  return (fromMiniflare("workerd") as { default: string }).default;
}

/** A capnp text literal (capnp has C escapes, no \u). */
function capnpString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8", htm: "text/html; charset=utf-8", css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8", mjs: "text/javascript; charset=utf-8", json: "application/json",
  map: "application/json", txt: "text/plain; charset=utf-8", xml: "application/xml", svg: "image/svg+xml",
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", avif: "image/avif",
  ico: "image/x-icon", woff: "font/woff", woff2: "font/woff2", ttf: "font/ttf", otf: "font/otf", wasm: "application/wasm",
  webmanifest: "application/manifest+json", pdf: "application/pdf",
};

export type AssetManifest = Record<string, { etag: string; type: string }>;

/** One rule of an assets `_headers` file: a URL pattern (`*` matches anything) and the headers it adds. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/**
 * Cloudflare's `_headers` format: a line with a path pattern, then indented `Name: value` lines;
 * `#` starts a comment. Every matching rule applies (a header named twice is joined with ", ").
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+$/, "");
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const cut = line.indexOf(":");
    const rule = rules.at(-1);
    if (rule && cut > 0) rule.headers.push([line.slice(0, cut).trim(), line.slice(cut + 1).trim()]);
  }
  return rules;
}

/** Every file below `dir` by URL path (`/docs/index.html`), with a content hash for its ETag. */
export function assetManifest(dir: string): AssetManifest {
  const out: AssetManifest = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue; // the disk service hides dotfiles too
      if (!rel && (entry.name === "_headers" || entry.name === "_redirects")) continue; // rules, not files (Cloudflare does not serve them)
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      const st = fs.statSync(full);
      if (st.isDirectory()) walk(child);
      else if (st.isFile()) {
        const ext = path.extname(entry.name).slice(1).toLowerCase();
        out[`/${child}`] = {
          etag: `"${createHash("sha256").update(fs.readFileSync(full)).digest("hex").slice(0, 32)}"`,
          type: CONTENT_TYPES[ext] ?? "application/octet-stream",
        };
      }
    }
  };
  walk("");
  return out;
}

// Static files the way Cloudflare serves `[assets]` in front of a Worker: a GET or HEAD for a file
// that exists is answered from disk without invoking the Worker (html_handling
// "auto-trailing-slash": /about serves about.html, /docs/ serves docs/index.html, /docs redirects
// to /docs/, /x.html and /x/index.html redirect to the pretty URL); everything else reaches it.
// Also serves the Worker's own assets binding (ASSETS_ONLY), which never falls through.
const ROUTER_JS = `
const PRETTY = (env) => env.CONFIG.htmlHandling === "auto-trailing-slash";
function globToRegExp(glob) {
  return new RegExp("^" + glob.replace(/[.+?^$()|[\\]{}\\\\]/g, "\\\\$&").replace(/\\*/g, ".*") + "$");
}
let workerFirst;
function runsWorkerFirst(env, pathname) {
  const rule = env.CONFIG.runWorkerFirst;
  if (rule === true || rule === false) return rule;
  workerFirst ??= { include: rule.filter((r) => !r.startsWith("!")).map(globToRegExp), exclude: rule.filter((r) => r.startsWith("!")).map((r) => globToRegExp(r.slice(1))) };
  return workerFirst.include.some((r) => r.test(pathname)) && !workerFirst.exclude.some((r) => r.test(pathname));
}
function lookup(env, pathname) {
  const files = env.MANIFEST;
  if (!PRETTY(env)) return files[pathname] ? { file: pathname } : null;
  if (pathname.endsWith("/")) {
    if (files[pathname + "index.html"]) return { file: pathname + "index.html" };
    if (pathname.length > 1 && files[pathname.slice(0, -1) + ".html"]) return { redirect: pathname.slice(0, -1) };
    return null;
  }
  if (pathname.endsWith("/index.html") && files[pathname]) return { redirect: pathname.slice(0, -"index.html".length) };
  if (pathname.endsWith(".html") && files[pathname]) return { redirect: pathname.slice(0, -".html".length) };
  if (files[pathname]) return { file: pathname };
  if (files[pathname + ".html"]) return { file: pathname + ".html" };
  if (files[pathname + "/index.html"]) return { redirect: pathname + "/" };
  return null;
}
async function serve(env, request, hit, status = 200) {
  const url = new URL(request.url);
  if (hit.redirect) return new Response(null, { status: 307, headers: { location: hit.redirect + url.search } });
  const meta = env.MANIFEST[hit.file];
  const headers = { "content-type": meta.type, etag: meta.etag, "cache-control": "public, max-age=0, must-revalidate" };
  for (const rule of env.CONFIG.headerRules ?? []) {
    if (!globToRegExp(rule.pattern).test(url.pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = key in headers && key !== "cache-control" ? headers[key] + ", " + value : value;
    }
  }
  const inm = request.headers.get("if-none-match");
  if (status === 200 && inm && inm.split(",").some((t) => t.trim().replace(/^W\\//, "") === meta.etag)) return new Response(null, { status: 304, headers });
  const file = await env.DISK.fetch("http://disk" + hit.file.split("/").map(encodeURIComponent).join("/"), { method: request.method });
  return new Response(request.method === "HEAD" ? null : file.body, { status, headers: { ...headers, "content-length": file.headers.get("content-length") ?? "" } });
}
function assetFor(env, request, pathname) {
  const hit = lookup(env, pathname);
  if (hit) return { hit, status: 200 };
  const nf = env.CONFIG.notFoundHandling;
  if (nf === "single-page-application" && request.headers.get("sec-fetch-mode") === "navigate" && env.MANIFEST["/index.html"]) return { hit: { file: "/index.html" }, status: 200 };
  return null;
}
export default {
  async fetch(request, env) {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      pathname = null;
    }
    const readable = pathname !== null && (request.method === "GET" || request.method === "HEAD");
    if (env.ASSETS_ONLY) {
      const found = readable ? assetFor(env, request, pathname) : null;
      return found ? serve(env, request, found.hit, found.status) : new Response("Not Found", { status: 404 });
    }
    if (readable && !runsWorkerFirst(env, pathname)) {
      const found = assetFor(env, request, pathname);
      if (found) return serve(env, request, found.hit, found.status);
    }
    return env.WORKER.fetch(request);
  },
};
`;

// Fires the Worker's scheduled handler through a service binding (Fetcher.scheduled()), for the
// Node-side cron ticker. Its socket listens on loopback only.
const CRON_JS = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const result = await env.WORKER.scheduled({ cron: url.searchParams.get("cron") ?? "", scheduledTime: new Date(Number(url.searchParams.get("time") ?? Date.now())) });
    return Response.json(result, { status: result.outcome === "ok" ? 200 : 500 });
  },
};
`;

export interface WorkerdConfigOptions {
  config: WorkerConfig;
  /** Output of buildBundle(): the Worker's modules. */
  bundleDir: string;
  /** Text bindings that override [vars] and .dev.vars (the stack's URLs, secrets). */
  bindings: Record<string, string>;
  host: string;
  port: number;
  /** Durable Object storage (SQLite files), kept between runs when the folder is. */
  stateDir: string;
  /** Where the generated config and helper workers are written. */
  runDir: string;
  /** host:port of the R2 stand-in behind each `[[r2_buckets]]` binding (startWorkerd starts them). */
  r2Addresses?: Record<string, string>;
}

/** Copies the bundle next to the config; returns its modules as capnp, the main module first. */
function bundleModules(config: WorkerConfig, opts: WorkerdConfigOptions): string[] {
  // The bundle goes next to the config: capnp `embed` paths are relative to the config file.
  const bundle = path.join(opts.runDir, "bundle");
  if (path.resolve(opts.bundleDir) !== bundle) {
    fs.rmSync(bundle, { recursive: true, force: true });
    fs.cpSync(opts.bundleDir, bundle, { recursive: true });
  }
  const mainName = `${path.basename(config.main).replace(/\.[cm]?[jt]sx?$/, "")}.js`;
  const files = fs.readdirSync(bundle).filter((f) => !f.endsWith(".map") && !/^README/i.test(f));
  if (!files.includes(mainName)) throw new StartupError(`The bundle in ${opts.bundleDir} has no ${mainName}: run npm run build and check its output.`);
  const moduleOf = (f: string) => {
    const embed = `embed ${capnpString(`bundle/${f}`)}`;
    if (/\.m?js$/.test(f)) return `(name = ${capnpString(f)}, esModule = ${embed})`;
    if (f.endsWith(".wasm")) return `(name = ${capnpString(f)}, wasm = ${embed})`;
    if (f.endsWith(".txt") || f.endsWith(".html")) return `(name = ${capnpString(f)}, text = ${embed})`;
    return `(name = ${capnpString(f)}, data = ${embed})`;
  };
  return [mainName, ...files.filter((f) => f !== mainName)].map(moduleOf);
}

/** The main Worker's bindings: [vars], .dev.vars, the caller's text bindings, Durable Object namespaces. */
function workerBindings(config: WorkerConfig, given: Record<string, string>): string[] {
  // Same precedence as wrangler dev: [vars] < .dev.vars < what the caller passes (--var).
  const text: Record<string, string> = { ...readDevVars(path.join(config.root, ".dev.vars")), ...given };
  const bindings: string[] = [];
  for (const [name, value] of Object.entries(config.vars)) {
    if (name in text) continue;
    bindings.push(typeof value === "string" ? `(name = ${capnpString(name)}, text = ${capnpString(value)})` : `(name = ${capnpString(name)}, json = ${capnpString(JSON.stringify(value))})`);
  }
  for (const [name, value] of Object.entries(text)) bindings.push(`(name = ${capnpString(name)}, text = ${capnpString(value)})`);
  for (const d of config.durableObjects) bindings.push(`(name = ${capnpString(d.binding)}, durableObjectNamespace = (className = ${capnpString(d.className)}))`);
  return bindings;
}

/**
 * The [assets] stand-in: writes router.js, adds its services (and the assets binding's) and returns
 * the service the HTTP socket serves; "main" when there are no assets on disk.
 */
function addAssetServices(config: WorkerConfig, runDir: string, services: string[], bindings: string[]): string {
  const assets: AssetsConfig | null = config.assets && fs.existsSync(config.assets.directory) ? config.assets : null;
  if (!assets) return "main";
  fs.writeFileSync(path.join(runDir, "router.js"), ROUTER_JS);
  const manifest = capnpString(JSON.stringify(assetManifest(assets.directory)));
  const headersFile = path.join(assets.directory, "_headers");
  const headerRules = fs.existsSync(headersFile) ? parseHeadersFile(fs.readFileSync(headersFile, "utf8")) : [];
  const settings = capnpString(JSON.stringify({ htmlHandling: assets.htmlHandling, notFoundHandling: assets.notFoundHandling, runWorkerFirst: assets.runWorkerFirst, headerRules }));
  const routerWorker = (onlyAssets: boolean) =>
    `(modules = [(name = "router.js", esModule = embed "router.js")], compatibilityDate = ${capnpString(config.compatibilityDate)}, bindings = [(name = "MANIFEST", json = ${manifest}), (name = "CONFIG", json = ${settings}), (name = "DISK", service = "assets-disk")${onlyAssets ? `, (name = "ASSETS_ONLY", json = "true")` : `, (name = "WORKER", service = "main")`}])`;
  services.push(`(name = "assets-disk", disk = (path = ${capnpString(assets.directory)}))`);
  services.push(`(name = "router", worker = ${routerWorker(false)})`);
  if (assets.binding) {
    services.push(`(name = "assets", worker = ${routerWorker(true)})`);
    bindings.push(`(name = ${capnpString(assets.binding)}, service = "assets")`);
  }
  return "router";
}

/** With [triggers] crons: writes cron.js and adds its service and loopback socket (port chosen by the OS). */
function addCronService(config: WorkerConfig, runDir: string, services: string[], sockets: string[]): void {
  if (!config.crons.length) return;
  fs.writeFileSync(path.join(runDir, "cron.js"), CRON_JS);
  services.push(
    `(name = "cron", worker = (modules = [(name = "cron.js", esModule = embed "cron.js")], compatibilityDate = ${capnpString(config.compatibilityDate)}, compatibilityFlags = ["service_binding_extra_handlers"], bindings = [(name = "WORKER", service = "main")]))`,
  );
  sockets.push(`(name = "cron", address = "127.0.0.1:0", http = (), service = "cron")`);
}

/** The text of workerd.capnp from its parts. */
function renderConfig(config: WorkerConfig, parts: { services: string[]; sockets: string[]; modules: string[]; bindings: string[]; namespaces: string[]; durableStorage: boolean }): string {
  return `# Generated from wrangler.toml by scripts/lib/workerd.ts (npm run serve). Do not edit.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    ${parts.services.join(",\n    ")}
  ],
  sockets = [
    ${parts.sockets.join(",\n    ")}
  ],
);

const mainWorker :Workerd.Worker = (
  modules = [
    ${parts.modules.join(",\n    ")}
  ],
  compatibilityDate = ${capnpString(config.compatibilityDate)},
  compatibilityFlags = [${config.compatibilityFlags.map(capnpString).join(", ")}],
  bindings = [
    ${parts.bindings.join(",\n    ")}
  ],
  durableObjectNamespaces = [
    ${parts.namespaces.join(",\n    ")}
  ],
  durableObjectStorage = ${parts.durableStorage ? `(localDisk = "do-storage")` : "(none = void)"},
  globalOutbound = "internet",
);
`;
}

/** Writes workerd.capnp (and the helper workers it needs) into runDir; returns its path. */
export function writeWorkerdConfig(opts: WorkerdConfigOptions): string {
  const { config } = opts;
  fs.mkdirSync(opts.runDir, { recursive: true });
  fs.mkdirSync(opts.stateDir, { recursive: true });
  const modules = bundleModules(config, opts);
  const bindings = workerBindings(config, opts.bindings);
  const classes = [...new Set(config.durableObjects.map((d) => d.className))];
  const namespaces = classes.map((c) => `(className = ${capnpString(c)}, uniqueKey = ${capnpString(`${config.name}-${c}`)}, enableSql = ${config.sqliteClasses.has(c)})`);

  const services: string[] = [
    `(name = "main", worker = .mainWorker)`,
    // The stack's bridges are on loopback; the default "internet" service only reaches public addresses.
    `(name = "internet", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true)))`,
    `(name = "do-storage", disk = (path = ${capnpString(path.resolve(opts.stateDir))}, writable = true))`,
  ];
  // workerd sends each bucket operation to the binding's service as HTTP: the R2 stand-in answers.
  for (const { binding } of config.r2Buckets) {
    const address = opts.r2Addresses?.[binding];
    if (!address) throw new StartupError(`No R2 stand-in for the bucket binding ${binding}.`);
    services.push(`(name = ${capnpString(`r2-${binding}`)}, external = (address = ${capnpString(address)}, http = ()))`);
    bindings.push(`(name = ${capnpString(binding)}, r2Bucket = ${capnpString(`r2-${binding}`)})`);
  }
  const front = addAssetServices(config, opts.runDir, services, bindings);
  const sockets = [`(name = "http", address = ${capnpString(`${opts.host}:${opts.port}`)}, http = (), service = ${capnpString(front)})`];
  addCronService(config, opts.runDir, services, sockets);

  const file = path.join(opts.runDir, "workerd.capnp");
  fs.writeFileSync(file, renderConfig(config, { services, sockets, modules, bindings, namespaces, durableStorage: classes.length > 0 }));
  return file;
}

export interface WorkerdRuntime {
  url: string;
  port: number;
  process: ChildProcess;
  /** Fires the Worker's scheduled handler now (what the cron ticker does each matching minute). */
  fireCron(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

export interface StartWorkerdOptions extends Omit<WorkerdConfigOptions, "host"> {
  /** Echo workerd's output to this process's stdout/stderr. */
  echo?: boolean;
  onOutput?: (chunk: string) => void;
  /** Own process group, signalled as a whole on stop() (the caller then owns Ctrl-C). */
  processGroup?: boolean;
  /** e.g. 127.0.0.1:9230: the DevTools inspector (CPU profiles). Off unless asked. */
  inspectorAddr?: string;
  timeoutMs?: number;
}

/** `workerd serve` on the generated config; fd 3 is its control channel (what it listens on). */
function spawnWorkerd(configFile: string, opts: StartWorkerdOptions): RuntimeProcess {
  const args = ["serve", configFile, "--experimental", "--control-fd=3"];
  if (opts.inspectorAddr) args.push(`--inspector-addr=${opts.inspectorAddr}`);
  const child = spawn(workerdBinary(), args, {
    cwd: opts.runDir,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    detached: opts.processGroup === true,
  });
  return new RuntimeProcess(child, opts.processGroup === true);
}

/** Passes workerd's output on (echo, onOutput); returns what reads its first 20 000 characters, for errors. */
function collectOutput(proc: RuntimeProcess, opts: StartWorkerdOptions): () => string {
  let output = "";
  const onChunk = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 20_000) output += text;
    if (opts.echo) stream.write(chunk);
    opts.onOutput?.(text);
  };
  proc.child.stdout!.on("data", onChunk(process.stdout));
  proc.child.stderr!.on("data", onChunk(process.stderr));
  return () => output;
}

/** SIGTERM, then SIGKILL: each gets 2 s. */
async function stopWorkerd(proc: RuntimeProcess): Promise<void> {
  if (proc.exited()) return;
  // workerd drains on SIGTERM, waiting for open WebSockets; like a redeploy, it gets 2 s.
  proc.signal("SIGTERM");
  await proc.exitWithin(2000);
  if (!proc.exited()) proc.signal("SIGKILL");
  await proc.exitWithin(2000);
}

/** Calls `onListen(socket, port)` for each `listen` event workerd writes (a JSON line) to its control fd. */
function watchListenEvents(control: NodeJS.ReadableStream, onListen: (socket: string, port: number) => void): void {
  let pending = "";
  control.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        const msg = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (msg.event === "listen" && msg.socket && msg.port) onListen(msg.socket, msg.port);
      } catch {
        // not a control message
      }
    }
  });
}

/** Socket name → port, once workerd listens on all its sockets (http, and cron when there are crons). */
async function workerdListening(proc: RuntimeProcess, opts: StartWorkerdOptions, output: () => string, stop: () => Promise<void>): Promise<Map<string, number>> {
  const ports = new Map<string, number>();
  const wanted = opts.config.crons.length ? 2 : 1;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  await proc.ready({
    timeoutMs,
    watch: (ready) =>
      watchListenEvents(proc.child.stdio[3] as NodeJS.ReadableStream, (socket, port) => {
        ports.set(socket, port);
        if (ports.size >= wanted) ready();
      }),
    timeout: () => new StartupError(`workerd did not start listening within ${timeoutMs} ms: ${output().trim().split("\n").slice(-3).join(" ")}`),
    spawnError: (err) => new StartupError(`workerd could not be started: ${err.message}`),
    exit: (code, signal) => {
      const text = output().trim();
      if (/Address already in use/i.test(text)) return new StartupError(`Port ${opts.port} is already in use: stop what holds it, or choose another port, e.g. PORT=${opts.port + 1}.`);
      return new StartupError(`workerd exited at start (${signal ?? `code ${code}`}): ${text.split("\n").filter(Boolean).slice(-3).join(" ") || "no output"}`);
    },
    stop,
  });
  return ports;
}

/** Generates the config and runs `workerd serve`; resolves once its HTTP socket listens. */
export async function startWorkerd(opts: StartWorkerdOptions): Promise<WorkerdRuntime> {
  // One local bucket per [[r2_buckets]], its objects kept next to the Durable Objects' storage.
  const buckets: R2StandIn[] = [];
  const r2Addresses: Record<string, string> = {};
  for (const { binding, bucketName } of opts.config.r2Buckets) {
    const bucket = await startR2({ dir: path.join(path.dirname(path.resolve(opts.stateDir)), "r2", bucketName) });
    buckets.push(bucket);
    r2Addresses[binding] = bucket.address;
  }
  const closeBuckets = () => Promise.all(buckets.map((b) => b.close()));
  let configFile: string;
  try {
    configFile = writeWorkerdConfig({ ...opts, host: "127.0.0.1", r2Addresses });
  } catch (err) {
    await closeBuckets();
    throw err;
  }
  const proc = spawnWorkerd(configFile, opts);
  const output = collectOutput(proc, opts);
  const disarmExitKill = proc.killOnParentExit();
  let ticker: { stop(): void } | undefined;
  const stop = async () => {
    ticker?.stop();
    await stopWorkerd(proc);
    await closeBuckets();
    disarmExitKill();
  };
  const ports = await workerdListening(proc, opts, output, stop);

  const cronPort = ports.get("cron");
  const fireCron = async (cron: string, scheduledTime = Date.now()) => {
    if (!cronPort) throw new Error("wrangler.toml has no [triggers] crons");
    const res = await fetch(`http://127.0.0.1:${cronPort}/?cron=${encodeURIComponent(cron)}&time=${scheduledTime}`, { signal: AbortSignal.timeout(60_000) });
    return (await res.json()) as { outcome: string };
  };
  ticker = startCronTicker(opts.config.crons, async (cron, time) => {
    await fireCron(cron, time);
  });
  return { url: `http://127.0.0.1:${ports.get("http")}`, port: ports.get("http")!, process: proc.child, fireCron: (cron) => fireCron(cron), stop };
}

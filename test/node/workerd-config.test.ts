// `npm run serve`'s config generator, on a small Worker of its own: wrangler.toml's vars and
// secrets, a SQLite-backed Durable Object on local disk, [triggers] crons fired through the
// loopback-only cron socket, and [assets] served in front of the Worker the way Cloudflare does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCron } from "../../scripts/lib/cron.ts";
import { startWorkerd, type WorkerdRuntime } from "../../scripts/lib/workerd.ts";
import { readWranglerToml } from "../../scripts/lib/wrangler-toml.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-workerd-"));

const WORKER = `
import { DurableObject } from "cloudflare:workers";
export class Journal extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("create table if not exists events (kind text, detail text)");
  }
  add(kind, detail) {
    this.ctx.storage.sql.exec("insert into events values (?, ?)", kind, detail);
    return this.ctx.storage.sql.exec("select count(*) as n from events").one().n;
  }
  list() {
    return this.ctx.storage.sql.exec("select kind, detail from events").toArray();
  }
}
const journal = (env) => env.JOURNAL.get(env.JOURNAL.idFromName("one"));
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/env") return Response.json({ PLAIN: env.PLAIN, STRUCTURED: env.STRUCTURED, SECRET: env.SECRET, OVERRIDDEN: env.OVERRIDDEN, FROM_STACK: env.FROM_STACK });
    if (url.pathname === "/visit") return Response.json({ n: await journal(env).add("visit", url.search) });
    if (url.pathname === "/events") return Response.json(await journal(env).list());
    if (url.pathname === "/via-binding") return env.ASSETS.fetch(new Request(new URL("/app.js", url)));
    return new Response("worker: " + request.method + " " + url.pathname, { status: url.pathname === "/" ? 200 : 404 });
  },
  async scheduled(event, env) {
    await journal(env).add("cron", event.cron);
  },
};
`;

const TOML = `
name = "fixture"
main = "src/index.ts"
compatibility_date = "2026-08-01"
compatibility_flags = ["nodejs_compat"]
minify = true

[vars]
PLAIN = "text value"
STRUCTURED = { depth = 2, list = ["a", "b"] }
OVERRIDDEN = "from wrangler.toml"

[[durable_objects.bindings]]
name = "JOURNAL"
class_name = "Journal"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Journal"]

[triggers]
crons = ["* * * * *"]

[assets]
directory = "./public"
binding = "ASSETS"
`;

function write(rel: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

let runtime: WorkerdRuntime;
const launch = () =>
  startWorkerd({
    config: readWranglerToml(path.join(dir, "wrangler.toml")),
    bundleDir: path.join(dir, "dist"),
    bindings: { FROM_STACK: "stack url", OVERRIDDEN: "from the caller" },
    port: 0,
    stateDir: path.join(dir, "state"),
    runDir: path.join(dir, "run"),
    timeoutMs: 30_000,
  });
const get = (p: string, init?: RequestInit) => fetch(`${runtime.url}${p}`, { redirect: "manual", ...init });

beforeAll(async () => {
  write("wrangler.toml", TOML);
  write(".dev.vars", 'SECRET="from .dev.vars"\nOVERRIDDEN=from .dev.vars\n');
  write("dist/index.js", WORKER);
  write("dist/index.js.map", "{}");
  write("public/index.html", "<h1>storefront</h1>");
  write("public/docs/index.html", "<h1>API reference</h1>");
  write("public/about.html", "<h1>about</h1>");
  write("public/app.js", "console.log('app')");
  write("public/.secret", "dotfiles are not served");
  write("public/_headers", "# comment\n/*\n  X-Content-Type-Options: nosniff\n/app.js\n  Cache-Control: public, max-age=31536000, immutable\n  X-Extra: one\n/*\n  X-Extra: two\n");
  runtime = await launch();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("wrangler.toml → workerd", () => {
  it("gives the Worker [vars] (text and JSON), .dev.vars and the caller's bindings, in wrangler dev's precedence", async () => {
    expect(await (await get("/env")).json()).toEqual({
      PLAIN: "text value",
      STRUCTURED: { depth: 2, list: ["a", "b"] },
      SECRET: "from .dev.vars",
      OVERRIDDEN: "from the caller",
      FROM_STACK: "stack url",
    });
  });

  it("keeps SQLite-backed Durable Object storage on local disk across a restart", async () => {
    const before = ((await (await get("/visit?a")).json()) as { n: number }).n;
    await runtime.stop();
    runtime = await launch();
    expect(((await (await get("/visit?b")).json()) as { n: number }).n).toBe(before + 1);
    expect(fs.readdirSync(path.join(dir, "state", "fixture-Journal")).some((f) => f.endsWith(".sqlite"))).toBe(true);
  }, 60_000);

  it("fires the scheduled handler through the cron socket (what the ticker does each minute)", async () => {
    expect(await runtime.fireCron("* * * * *")).toEqual({ outcome: "ok", noRetry: false });
    const events = (await (await get("/events")).json()) as { kind: string; detail: string }[];
    expect(events).toContainEqual({ kind: "cron", detail: "* * * * *" });
  });

  it("serves existing files without the Worker, pretty URLs as Cloudflare does, everything else to the Worker", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await home.text()).toBe("<h1>storefront</h1>");
    const etag = home.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get("/", { headers: { "if-none-match": etag } })).status).toBe(304);

    expect(await (await get("/docs/")).text()).toBe("<h1>API reference</h1>");
    const docs = await get("/docs?x=1");
    expect([docs.status, docs.headers.get("location")]).toEqual([307, "/docs/?x=1"]);
    expect(await (await get("/about")).text()).toBe("<h1>about</h1>");
    expect((await get("/about.html")).headers.get("location")).toBe("/about");
    const js = await get("/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toBe("console.log('app')");
    // _headers, as Cloudflare applies it: every matching rule, a header named twice joined; the file itself is not served.
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(js.headers.get("x-content-type-options")).toBe("nosniff");
    expect(js.headers.get("x-extra")).toBe("one, two");
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(await (await get("/_headers")).text()).toBe("worker: GET /_headers");
    const head = await get("/app.js", { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([200, ""]);

    // Not a file, a dotfile, or not a read: the Worker answers.
    expect(await (await get("/api/products")).text()).toBe("worker: GET /api/products");
    expect(await (await get("/.secret")).text()).toBe("worker: GET /.secret");
    expect(await (await get("/", { method: "POST" })).text()).toBe("worker: POST /");
    // The Worker's own assets binding.
    expect(await (await get("/via-binding")).text()).toBe("console.log('app')");
  });

  it("leaves everything to the Worker while the [assets] folder does not exist", async () => {
    fs.renameSync(path.join(dir, "public"), path.join(dir, "public-away"));
    try {
      const toml = fs.readFileSync(path.join(dir, "wrangler.toml"), "utf8").replace(/binding = "ASSETS"\n/, "");
      fs.writeFileSync(path.join(dir, "wrangler.toml"), toml);
      await runtime.stop();
      runtime = await launch();
      expect(await (await get("/")).text()).toBe("worker: GET /");
    } finally {
      fs.renameSync(path.join(dir, "public-away"), path.join(dir, "public"));
    }
  }, 60_000);

  it("names what it cannot reproduce instead of dropping a binding", () => {
    const file = path.join(dir, "other.toml");
    fs.writeFileSync(file, `name = "x"\nmain = "a.ts"\ncompatibility_date = "2026-08-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "1"\n[observability]\nenabled = true\n`);
    expect(readWranglerToml(file).unsupported).toEqual(["kv_namespaces"]);
  });
});

describe("cron expressions (UTC, as Cloudflare fires them)", () => {
  const at = (iso: string) => new Date(iso);
  it("matches every minute, steps, ranges, lists and names", () => {
    expect(parseCron("* * * * *").matches(at("2026-11-25T13:07:00Z"))).toBe(true);
    expect(parseCron("*/15 * * * *").matches(at("2026-11-25T13:30:00Z"))).toBe(true);
    expect(parseCron("*/15 * * * *").matches(at("2026-11-25T13:31:00Z"))).toBe(false);
    expect(parseCron("0 9-17 * * MON-FRI").matches(at("2026-11-25T10:00:00Z"))).toBe(true); // a Wednesday
    expect(parseCron("0 9-17 * * MON-FRI").matches(at("2026-11-29T10:00:00Z"))).toBe(false); // a Sunday
    expect(parseCron("0 0 1,15 * *").matches(at("2026-11-15T00:00:00Z"))).toBe(true);
    expect(parseCron("0 0 * * 7").matches(at("2026-11-29T00:00:00Z"))).toBe(true);
    expect(() => parseCron("* * * *")).toThrow(/5 fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/not in 0-59/);
  });
});

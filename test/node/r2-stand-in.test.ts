// `npm run serve`'s R2 bucket: a Worker under plain workerd uses its [[r2_buckets]] binding through
// scripts/stand-ins/r2.ts exactly as it would R2 (the same calls the image routes make, and the
// rest of the everyday R2Bucket API), and the objects outlive a restart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerd, type WorkerdRuntime } from "../../scripts/lib/workerd.ts";
import { readWranglerToml } from "../../scripts/lib/wrangler-toml.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-r2-"));

const WORKER = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const key = url.searchParams.get("key") ?? "";
    const describe = (o) => o && { key: o.key, size: o.size, etag: o.etag, contentType: o.httpMetadata?.contentType ?? null, custom: o.customMetadata, uploaded: o.uploaded instanceof Date };
    switch (url.pathname) {
      case "/put": {
        const o = await env.BUCKET.put(key, await request.arrayBuffer(), { httpMetadata: { contentType: request.headers.get("content-type") }, customMetadata: { by: "test" } });
        return Response.json(describe(o));
      }
      case "/head":
        return Response.json(describe(await env.BUCKET.head(key)));
      case "/get": {
        const o = await env.BUCKET.get(key);
        if (!o) return new Response("missing", { status: 404 });
        return new Response(o.body, { headers: { "content-type": o.httpMetadata?.contentType ?? "" } });
      }
      case "/range": {
        const o = await env.BUCKET.get(key, { range: { offset: 2, length: 3 } });
        return new Response(o.body);
      }
      case "/unless": {
        const o = await env.BUCKET.get(key, { onlyIf: { etagDoesNotMatch: url.searchParams.get("etag") } });
        return Response.json({ found: o !== null, hasBody: o !== null && "body" in o });
      }
      case "/list": {
        const listed = await env.BUCKET.list({ prefix: url.searchParams.get("prefix") ?? undefined, limit: Number(url.searchParams.get("limit") ?? 1000) });
        return Response.json({ keys: listed.objects.map((o) => o.key), truncated: listed.truncated });
      }
      case "/delete":
        await env.BUCKET.delete(key);
        return new Response(null, { status: 204 });
    }
    return new Response("no route", { status: 404 });
  },
};
`;

const TOML = `
name = "r2-fixture"
main = "src/index.ts"
compatibility_date = "2026-08-01"

[[r2_buckets]]
binding = "BUCKET"
bucket_name = "fixture-bucket"
`;

let runtime: WorkerdRuntime;
const launch = () =>
  startWorkerd({
    config: readWranglerToml(path.join(dir, "wrangler.toml")),
    bundleDir: path.join(dir, "dist"),
    bindings: {},
    port: 0,
    stateDir: path.join(dir, "state", "durable-objects"),
    runDir: path.join(dir, "run"),
    timeoutMs: 30_000,
  });
const call = (p: string, init?: RequestInit) => fetch(`${runtime.url}${p}`, init);
const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]);

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "dist"), { recursive: true });
  fs.writeFileSync(path.join(dir, "wrangler.toml"), TOML);
  fs.writeFileSync(path.join(dir, "dist", "index.js"), WORKER);
  runtime = await launch();
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("[[r2_buckets]] under npm run serve", () => {
  it("puts, heads and gets an object with its content type and custom metadata", async () => {
    const put = await (await call("/put?key=pics/a", { method: "PUT", body: bytes, headers: { "content-type": "image/png" } })).json();
    expect(put).toEqual({ key: "pics/a", size: 10, etag: expect.stringMatching(/^[0-9a-f]{32}$/), contentType: "image/png", custom: { by: "test" }, uploaded: true });
    expect(await (await call("/head?key=pics/a")).json()).toEqual(put);
    const got = await call("/get?key=pics/a");
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  it("answers a missing key with null, a range with its bytes, and a failed condition without the body", async () => {
    expect(await (await call("/head?key=nothing")).json()).toBeNull();
    expect((await call("/get?key=nothing")).status).toBe(404);
    expect(new Uint8Array(await (await call("/range?key=pics/a")).arrayBuffer())).toEqual(bytes.subarray(2, 5));
    const { etag } = (await (await call("/head?key=pics/a")).json()) as { etag: string };
    expect(await (await call(`/unless?key=pics/a&etag=${etag}`)).json()).toEqual({ found: true, hasBody: false });
    expect(await (await call(`/unless?key=pics/a&etag=other`)).json()).toEqual({ found: true, hasBody: true });
  });

  it("lists by prefix with a limit, and deletes", async () => {
    await call("/put?key=pics/b", { method: "PUT", body: "b" });
    await call("/put?key=other/c", { method: "PUT", body: "c" });
    expect(await (await call("/list?prefix=pics/")).json()).toEqual({ keys: ["pics/a", "pics/b"], truncated: false });
    expect(await (await call("/list?limit=1")).json()).toEqual({ keys: ["other/c"], truncated: true });
    expect((await call("/delete?key=pics/b")).status).toBe(204);
    expect(await (await call("/list?prefix=pics/")).json()).toEqual({ keys: ["pics/a"], truncated: false });
  });

  it("keeps the objects across a restart", async () => {
    await runtime.stop();
    runtime = await launch();
    expect(new Uint8Array(await (await call("/get?key=pics/a")).arrayBuffer())).toEqual(bytes);
  }, 60_000);
});

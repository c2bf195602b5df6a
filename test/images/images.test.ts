import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser, type ApiResponse } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { redisCommand } from "../helpers/redis";
import { callWorker } from "../helpers/worker";
import { AVIF_3x2, JPEG_3x2, PNG_3x2, solidPng, WEBP_LOSSLESS_7x5, WEBP_LOSSY_3x2 } from "./fixtures";

type Image = { id: number; url: string; width: number; height: number; alt: string; position: number };

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

const newProduct = async () => (await createProduct(admin.token, categoryId)).id;

/** Bytes no other test uploads: a PNG of a random colour. */
const uniquePng = (width = 4, height = 3) => solidPng(width, height, [rand(), rand(), rand()]);
const rand = () => Math.floor(Math.random() * 256);

async function parse<T>(res: Response): Promise<ApiResponse<T>> {
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, headers: res.headers, body: (text && type.includes("json") ? JSON.parse(text) : text) as T };
}

async function upload(productId: number, body: BodyInit, opts: { token?: string; alt?: string; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? admin.token : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.contentType) headers["content-type"] = opts.contentType;
  const query = opts.alt === undefined ? "" : `?alt=${encodeURIComponent(opts.alt)}`;
  return parse<Image>(await SELF.fetch(`${BASE}/api/products/${productId}/images${query}`, { method: "POST", headers, body }));
}

const keyOf = (image: Image) => image.url.split("/images/")[1]!;
const storedKeys = async (key: string) => (await env.IMAGES.list({ prefix: key })).objects.map((o) => o.key);
const imagesOf = async (productId: number) =>
  sql<{ id: number; position: number; alt: string }>("select id, position, alt from product_images where product_id = $1 order by position, id", [productId]);

describe("POST /api/products/{id}/images", () => {
  it.each([
    ["PNG", PNG_3x2, "image/png", 3, 2],
    ["JPEG", JPEG_3x2, "image/jpeg", 3, 2],
    ["lossy WebP", WEBP_LOSSY_3x2, "image/webp", 3, 2],
    ["lossless WebP", WEBP_LOSSLESS_7x5, "image/webp", 7, 5],
    ["AVIF", AVIF_3x2, "image/avif", 3, 2],
  ] as const)("stores a %s with the size read from its bytes", async (_name, bytes, type, width, height) => {
    const productId = await newProduct();
    const res = await upload(productId, bytes, { alt: "A red square", contentType: type });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), url: expect.stringMatching(/^http:\/\/shop\.test\/images\/[0-9a-f]{64}$/), width, height, alt: "A red square", position: 0 });
    const object = await env.IMAGES.get(keyOf(res.body));
    expect(object?.httpMetadata?.contentType).toBe(type);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(bytes);
  });

  it("takes the type from the bytes when Content-Type is left out or only says bytes", async () => {
    const productId = await newProduct();
    expect((await upload(productId, JPEG_3x2)).status).toBe(201);
    const res = await upload(productId, PNG_3x2, { contentType: "application/octet-stream" });
    expect([res.status, res.body.position]).toEqual([201, 1]);
    expect((await env.IMAGES.head(keyOf(res.body)))?.httpMetadata?.contentType).toBe("image/png");
  });

  it("stores the same bytes once, under their SHA-256, however often and for whichever product they are uploaded", async () => {
    const bytes = await uniquePng();
    const [a, b] = [await newProduct(), await newProduct()];
    const first = await upload(a, bytes);
    const second = await upload(a, bytes);
    const third = await upload(b, bytes);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((x) => x.toString(16).padStart(2, "0")).join("");
    expect(new Set([first.body.url, second.body.url, third.body.url])).toEqual(new Set([`${BASE}/images/${digest}`]));
    expect([first.body.position, second.body.position, third.body.position]).toEqual([0, 1, 0]);
    expect(await storedKeys(digest)).toEqual([digest]);
  });

  it("gives simultaneous uploads to one product distinct positions 0..n-1", async () => {
    const productId = await newProduct();
    const files = await Promise.all(Array.from({ length: 6 }, () => uniquePng()));
    const results = await Promise.all(files.map((f) => upload(productId, f)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(results.map((r) => r.body.position).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("refuses text, a PNG signature on garbage and a Content-Type that contradicts the bytes with 415", async () => {
    const productId = await newProduct();
    expectProblem(await upload(productId, "just some text", { contentType: "image/png" }), 415);
    expectProblem(await upload(productId, "just some text"), 415);
    const garbage = new Uint8Array(200).fill(0x41);
    garbage.set(PNG_3x2.subarray(0, 8));
    expectProblem(await upload(productId, garbage, { contentType: "image/png" }), 415);
    const lie = expectProblem(await upload(productId, JPEG_3x2, { contentType: "image/png" }), 415);
    expect(lie.detail).toContain("JPEG");
    expectProblem(await upload(productId, PNG_3x2, { contentType: "text/plain" }), 415);
    expect(await imagesOf(productId)).toEqual([]);
  });

  it("accepts 12,000 px and refuses 12,001 px either way with 400", async () => {
    const productId = await newProduct();
    expect((await upload(productId, await solidPng(12_000, 1))).status).toBe(201);
    const wide = expectProblem(await upload(productId, await solidPng(12_001, 1)), 400);
    expect(wide.errors).toEqual([{ path: "body", message: expect.stringContaining("12001 × 1") }]);
    expectProblem(await upload(productId, await solidPng(1, 12_001)), 400);
    expect((await imagesOf(productId)).length).toBe(1);
  });

  it("refuses a body over 5 MiB with 413 from its Content-Length", async () => {
    const productId = await newProduct();
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_3x2);
    const res = expectProblem(await upload(productId, big, { contentType: "image/png" }), 413);
    expect(res.detail).toContain("5 MiB");
    // Exactly 5 MiB is allowed through the size check (and then judged by its bytes).
    const five = new Uint8Array(5 * 1024 * 1024);
    five.set(PNG_3x2);
    expect((await upload(productId, five)).status).toBe(201);
  });

  it("stops reading a body without Content-Length once it passes 5 MiB", async () => {
    const productId = await newProduct();
    const chunk = new Uint8Array(256 * 1024);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 200) return controller.close(); // 50 MiB: far more than is ever read
        controller.enqueue(pulled === 1 ? PNG_3x2 : chunk);
      },
    });
    const res = await upload(productId, endless);
    expectProblem(res, 413);
    expect(pulled).toBeLessThan(40);
  });

  it("answers 404 for an unknown product and stores nothing", async () => {
    const bytes = await uniquePng();
    expectProblem(await upload(2_000_000_000, bytes), 404);
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((x) => x.toString(16).padStart(2, "0")).join("");
    expect(await storedKeys(digest)).toEqual([]);
  });

  it("is for admins: 401 without a token, 403 for a customer, and nothing is stored", async () => {
    const productId = await newProduct();
    const customer = await newUser();
    const bytes = await uniquePng();
    expectProblem(await upload(productId, bytes, { token: "" }), 401);
    expectProblem(await upload(productId, bytes, { token: customer.token }), 403);
    expect(await imagesOf(productId)).toEqual([]);
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((x) => x.toString(16).padStart(2, "0")).join("");
    expect(await storedKeys(digest)).toEqual([]);
  });

  it("refuses unknown query parameters and overlong alt text", async () => {
    const productId = await newProduct();
    const res = await parse(await SELF.fetch(`${BASE}/api/products/${productId}/images?title=x`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: PNG_3x2 }));
    expectProblem(res as ApiResponse, 400);
    expectProblem(await upload(productId, PNG_3x2, { alt: "x".repeat(501) }), 400);
  });

  it("makes one Postgres round trip (admin check, insert, outbox row) and one to Redis (the catalog bump)", async () => {
    const productId = await newProduct();
    const res = await upload(productId, await uniquePng());
    expect(res.status).toBe(201);
    expect([res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips")]).toEqual(["1", "1"]);
  });
});

describe("GET /images/{key}", () => {
  it("serves the bytes with their type, an immutable cache lifetime and the key as ETag", async () => {
    const productId = await newProduct();
    const { body: image } = await upload(productId, WEBP_LOSSY_3x2);
    const res = await SELF.fetch(image.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("etag")).toBe(`"${keyOf(image)}"`);
    expect(res.headers.get("content-length")).toBe(String(WEBP_LOSSY_3x2.length));
    expect([res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips")]).toEqual(["0", "0"]);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(WEBP_LOSSY_3x2);
  });

  it("answers 304 to If-None-Match with the tag (weak or in a list) and 200 to another tag", async () => {
    const productId = await newProduct();
    const { body: image } = await upload(productId, PNG_3x2);
    const tag = `"${keyOf(image)}"`;
    for (const header of [tag, `W/${tag}`, `"other", ${tag}`]) {
      const res = await SELF.fetch(image.url, { headers: { "if-none-match": header } });
      expect([res.status, res.headers.get("etag"), res.headers.get("cache-control"), await res.text()]).toEqual([304, tag, "public, max-age=31536000, immutable", ""]);
    }
    const other = await SELF.fetch(image.url, { headers: { "if-none-match": '"abc"' } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("answers 404 problem+json for an unknown or malformed key, even with If-None-Match", async () => {
    const unknown = "0".repeat(64);
    expectProblem(await parse(await SELF.fetch(`${BASE}/images/${unknown}`)), 404);
    expectProblem(await parse(await SELF.fetch(`${BASE}/images/${unknown}`, { headers: { "if-none-match": `"${unknown}"` } })), 404);
    expectProblem(await parse(await SELF.fetch(`${BASE}/images/not-a-key`)), 404);
  });
});

describe("PATCH /api/products/{id}/images/{image_id}", () => {
  async function productWithImages(n: number) {
    const productId = await newProduct();
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await upload(productId, await uniquePng(), { alt: `picture ${i}` })).body.id);
    return { productId, ids };
  }

  it("moves a picture and shifts the others so positions stay 0..n-1 in order", async () => {
    const { productId, ids } = await productWithImages(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    const moved = await api("PATCH", `/api/products/${productId}/images/${d}`, { token: admin.token, body: { position: 1 } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: d, position: 1, alt: "picture 3" });
    expect((await imagesOf(productId)).map((r) => [r.id, r.position])).toEqual([[a, 0], [d, 1], [b, 2], [c, 3]]);

    await api("PATCH", `/api/products/${productId}/images/${a}`, { token: admin.token, body: { position: 99 } });
    expect((await imagesOf(productId)).map((r) => [r.id, r.position])).toEqual([[d, 0], [b, 1], [c, 2], [a, 3]]);
  });

  it("changes the alt text alone, keeping the place", async () => {
    const { productId, ids } = await productWithImages(2);
    const res = await api("PATCH", `/api/products/${productId}/images/${ids[1]}`, { token: admin.token, body: { alt: "Side view" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids[1], alt: "Side view", position: 1, width: 4, height: 3 });
    expect(res.body.url).toMatch(/\/images\/[0-9a-f]{64}$/);
  });

  it("answers 404 for an image of another product and 400 for an empty or unknown field", async () => {
    const first = await productWithImages(1);
    const second = await productWithImages(1);
    expectProblem(await api("PATCH", `/api/products/${second.productId}/images/${first.ids[0]}`, { token: admin.token, body: { alt: "x" } }), 404);
    expectProblem(await api("PATCH", `/api/products/${first.productId}/images/${first.ids[0]}`, { token: admin.token, body: {} }), 400);
    expectProblem(await api("PATCH", `/api/products/${first.productId}/images/${first.ids[0]}`, { token: admin.token, body: { position: -1 } }), 400);
    expectProblem(await api("PATCH", `/api/products/${first.productId}/images/${first.ids[0]}`, { token: admin.token, body: { url: "x" } }), 400);
  });

  it("is for admins", async () => {
    const { productId, ids } = await productWithImages(1);
    const customer = await newUser();
    expectProblem(await api("PATCH", `/api/products/${productId}/images/${ids[0]}`, { body: { alt: "x" } }), 401);
    expectProblem(await api("PATCH", `/api/products/${productId}/images/${ids[0]}`, { token: customer.token, body: { alt: "x" } }), 403);
  });
});

describe("DELETE /api/products/{id}/images/{image_id}", () => {
  const remove = (productId: number, imageId: number, token = admin.token) =>
    callWorker(new Request(`${BASE}/api/products/${productId}/images/${imageId}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }));

  it("closes the gap in the positions", async () => {
    const productId = await newProduct();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(productId, await uniquePng())).body.id);
    expect((await remove(productId, ids[0]!)).status).toBe(204);
    expect((await imagesOf(productId)).map((r) => [r.id, r.position])).toEqual([[ids[1], 0], [ids[2], 1]]);
  });

  it("deletes the stored bytes only when the last picture referring to them goes", async () => {
    const bytes = await uniquePng();
    const [a, b] = [await newProduct(), await newProduct()];
    const first = (await upload(a, bytes)).body;
    const second = (await upload(b, bytes)).body;
    const key = keyOf(first);

    expect((await remove(a, first.id)).status).toBe(204);
    expect(await storedKeys(key)).toEqual([key]);
    expect((await SELF.fetch(second.url).then((r) => r.arrayBuffer().then(() => r.status)))).toBe(200);

    expect((await remove(b, second.id)).status).toBe(204);
    expect(await storedKeys(key)).toEqual([]);
    expectProblem(await parse(await SELF.fetch(second.url)), 404);
  });

  it("answers 404 for an image of another product or one already deleted, and is for admins", async () => {
    const [a, b] = [await newProduct(), await newProduct()];
    const image = (await upload(a, await uniquePng())).body;
    expectProblem(await parse(await remove(b, image.id)), 404);
    const customer = await newUser();
    expectProblem(await parse(await remove(a, image.id, customer.token)), 403);
    expect((await remove(a, image.id)).status).toBe(204);
    expectProblem(await parse(await remove(a, image.id)), 404);
  });
});

describe("cached product reads", () => {
  it("go stale with every picture write: upload, change and delete raise the catalog version after they commit", async () => {
    const productId = await newProduct();
    const version = async () => Number(await redisCommand("GET", "catalog:ver"));
    let before = await version();
    const image = (await upload(productId, await uniquePng())).body;
    expect(await version()).toBeGreaterThan(before);
    before = await version();
    await api("PATCH", `/api/products/${productId}/images/${image.id}`, { token: admin.token, body: { alt: "new" } });
    expect(await version()).toBeGreaterThan(before);
    before = await version();
    await api("DELETE", `/api/products/${productId}/images/${image.id}`, { token: admin.token });
    expect(await version()).toBeGreaterThan(before);
  });
});

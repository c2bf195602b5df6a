import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { databaseFor } from "../../src/db/client";
import { readConfig } from "../../src/env";
import { IMAGE_SWEEP_RESUME_KEY, sweepUnreferencedImages } from "../../src/images/image-sweep";
import { redisFor } from "../../src/lib/redis";
import { BASE } from "../helpers/api";
import { sql } from "../helpers/db";
import { redisCommand } from "../helpers/redis";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { solidPng } from "./fixtures";

const rand = () => Math.floor(Math.random() * 256);

describe("the sweep of unreferenced pictures", () => {
  it("deletes the bytes of a product deleted with its pictures, and keeps those still referred to", async () => {
    const admin = await newAdmin();
    const category = await createCategory(admin.token);
    const [kept, removed] = [await createProduct(admin.token, category.id), await createProduct(admin.token, category.id)];
    const upload = async (productId: number) => {
      const res = await SELF.fetch(`${BASE}/api/products/${productId}/images`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: await solidPng(2, 2, [rand(), rand(), rand()]) });
      return ((await res.json()) as { url: string }).url.split("/").pop()!;
    };
    const keptKey = await upload(kept.id);
    const removedKey = await upload(removed.id);
    // A product that was never ordered is deleted outright; its picture rows go with it.
    await sql("delete from products where id = $1", [removed.id]);

    const db = databaseFor(readConfig(env));
    const redis = redisFor(readConfig(env));
    // Within the grace period nothing goes (the default: an hour).
    await sweepUnreferencedImages(db, env.IMAGES, redis);
    expect(await env.IMAGES.head(removedKey)).not.toBeNull();
    const swept = await sweepUnreferencedImages(db, env.IMAGES, redis, { olderThanMs: 0 });
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    expect(swept.complete).toBe(true);
    expect(await env.IMAGES.head(removedKey)).toBeNull();
    expect(await env.IMAGES.head(keptKey)).not.toBeNull();
  });

  it("stops at its time budget after the page in flight, and the next run goes on after the last key it looked at", async () => {
    const admin = await newAdmin();
    const category = await createCategory(admin.token);
    const kept = await createProduct(admin.token, category.id);
    const upload = async () => {
      const res = await SELF.fetch(`${BASE}/api/products/${kept.id}/images`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: await solidPng(2, 2, [rand(), rand(), rand()]) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { url: string }).url.split("/").pop()!;
    };
    const keptKeys = [await upload(), await upload()];
    // Bytes no row names (what a failed clean-up leaves).
    const orphans = await Promise.all([1, 2, 3, 4].map(async (i) => (await env.IMAGES.put(`orphan-${crypto.randomUUID()}-${i}`, "x"))!.key));
    const objects = (await env.IMAGES.list({ limit: 1000 })).objects.length;

    const db = databaseFor(readConfig(env));
    const redis = redisFor(readConfig(env));
    await redisCommand("DEL", IMAGE_SWEEP_RESUME_KEY);
    // One object a page and no budget: every run looks at one page, then leaves its place in Redis.
    const first = await sweepUnreferencedImages(db, env.IMAGES, redis, { olderThanMs: 0, pageSize: 1, budgetMs: 0 });
    expect(first).toMatchObject({ batches: 1, complete: false });
    const resumeAt = await redisCommand("GET", IMAGE_SWEEP_RESUME_KEY);
    expect(resumeAt).toBe((await env.IMAGES.list({ limit: 1 })).objects[0]!.key);
    let runs = 1;
    let deleted = first.deleted;
    for (let last = first; !last.complete; runs++) {
      expect(runs, "the runs come to the end of the bucket").toBeLessThanOrEqual(objects + 1);
      last = await sweepUnreferencedImages(db, env.IMAGES, redis, { olderThanMs: 0, pageSize: 1, budgetMs: 0 });
      deleted += last.deleted;
    }
    // Every page was looked at once: as many runs as objects (the last page tells it is the last).
    expect(runs).toBe(objects);
    expect(deleted).toBeGreaterThanOrEqual(orphans.length);
    for (const key of orphans) expect(await env.IMAGES.head(key)).toBeNull();
    for (const key of keptKeys) expect(await env.IMAGES.head(key)).not.toBeNull();
    // A finished walk forgets its place: the next run starts at the first key.
    expect(await redisCommand("GET", IMAGE_SWEEP_RESUME_KEY)).toBeNull();
  });
});

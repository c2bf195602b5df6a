import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { databaseFor } from "../../src/db/client";
import { readConfig } from "../../src/env";
import { sweepUnreferencedImages } from "../../src/images/image-sweep";
import { BASE } from "../helpers/api";
import { sql } from "../helpers/db";
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
    // Within the grace period nothing goes (the default: an hour).
    await sweepUnreferencedImages(db, env.IMAGES);
    expect(await env.IMAGES.head(removedKey)).not.toBeNull();
    expect(await sweepUnreferencedImages(db, env.IMAGES, { olderThanMs: 0 })).toBeGreaterThanOrEqual(1);
    expect(await env.IMAGES.head(removedKey)).toBeNull();
    expect(await env.IMAGES.head(keptKey)).not.toBeNull();
  });
});

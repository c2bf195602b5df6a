import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { api, BASE } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { callWorker, REDIS_DOWN } from "../helpers/worker";
import { eventually } from "../helpers/wait";

// Catalog writes record their cache-version bump in the catalog_bumps outbox, in their own
// transaction. The request raises the versions after the commit and deletes the row after the
// response; if the invocation dies in between, the scheduled handler (every minute) pays rows
// older than 5 s, so a stale price lives about a minute at most, not the entries' hour.

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

async function runScheduled() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}


/**
 * The outbox rows a product's last write recorded: the write and its row share a transaction, so
 * the row's created_at is the product's updated_at (both now()).
 */
const bumpsOfLastWrite = async (productId: number) =>
  (await sql<{ n: number }>("select count(*)::int as n from catalog_bumps where created_at = (select updated_at from products where id = $1)", [productId]))[0]!.n;

describe("the catalog bump outbox", () => {
  it("pays, from the scheduled handler, a bump whose invocation died after its commit", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "5.00" });
    const path = `/api/products/${p.id}`;
    await api("GET", path);
    const cached = await api("GET", path);
    expect(cached.headers.get("x-cache")).toBe("hit");
    // What a write leaves behind when its invocation dies between the commit and the Redis bump:
    // new data and an unpaid outbox row (dated past the sweep's 5 s grace), written here in SQL.
    const [bump] = await sql<{ id: number }>(
      `with changed as (update products set price = 7.25, updated_at = now() where id = $1 returning id)
       insert into catalog_bumps (counts, created_at) select false, now() - interval '10 seconds' from changed returning id`,
      [p.id],
    );

    await runScheduled();

    const fresh = await api("GET", path);
    expect(fresh.body.price).toBe("7.25");
    expect(fresh.headers.get("x-cache")).not.toBe("hit");
    expect(await sql("select id from catalog_bumps where id = $1", [bump!.id])).toEqual([]);
  });

  it("deletes the row of a bump that did happen, shortly after the response", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "5.00" });
    const path = `/api/products/${p.id}`;
    // With Redis down the bump is not confirmed and its row stays for the sweep: this also shows
    // the query above finds the row of a write.
    const refused = await callWorker(
      new Request(`${BASE}${path}`, { method: "PATCH", headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" }, body: JSON.stringify({ price: "6.00" }) }),
      REDIS_DOWN,
    );
    expect(refused.status).toBe(200);
    expect(await bumpsOfLastWrite(p.id)).toBe(1);

    const written = await api("PATCH", path, { token: admin.token, body: { price: "6.50" } });
    expect(written.status).toBe(200);
    await eventually(async () => (await bumpsOfLastWrite(p.id)) === 0);
    expect((await api("GET", path)).body.price).toBe("6.50");
  });
});

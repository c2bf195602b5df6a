import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";
import { moneyToCents } from "../../src/lib/money";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;
/** A country of this file's own, so its shipping methods and tax rates meet no other file's. */
const COUNTRY = "NZ";
let standard: number;
let express: number;

const tag = () => crypto.randomUUID().slice(0, 8);

async function newCode(fields: Record<string, unknown>): Promise<string> {
  const code = `T${tag()}`.toUpperCase();
  const columns = ["code", ...Object.keys(fields)];
  const values = [code, ...Object.values(fields)];
  await sql(`insert into discounts (${columns.join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, values);
  return code;
}

async function addressOf(userId: number, fields: Record<string, unknown> = {}): Promise<number> {
  const [row] = await sql<{ id: number }>(
    "insert into addresses (user_id, name, line1, city, region, country, is_default) values ($1, $2, $3, $4, $5, $6, $7) returning id",
    [userId, "Ada", "1 Harbour St", "Auckland", fields.region ?? "", fields.country ?? COUNTRY, fields.is_default ?? true],
  );
  return row!.id;
}

async function shopperWithCart(lines: [number, number][]) {
  const user = await newUser("totals");
  for (const [productId, quantity] of lines) {
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { product_id: productId, quantity } })).status).toBe(200);
  }
  return user;
}

const cents = (m: string) => Number(moneyToCents(m));

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  await sql("delete from shipping_methods where $1 = any(countries)", [COUNTRY]);
  await sql("delete from tax_rates where country = $1", [COUNTRY]);
  [standard, express] = (
    await sql<{ id: number }>(
      "insert into shipping_methods (name, price, free_over, countries) values ('Standard', 5.00, 100.00, $1), ('Express', 15.00, null, $1) returning id",
      [[COUNTRY, "AU"]],
    )
  ).map((r) => r.id) as [number, number];
  await sql("insert into tax_rates (country, region, rate) values ($1, '', 15.00), ($1, 'Otago', 10.00)", [COUNTRY]);
});

describe("quote and order totals", () => {
  it("prices the cart with the default address, the cheapest method and the country's tax, and the order keeps the same breakdown", async () => {
    const a = await createProduct(admin.token, categoryId, { price: "10.00", stock: 10 });
    const b = await createProduct(admin.token, categoryId, { price: "3.33", stock: 10 });
    const user = await shopperWithCart([[a.id, 2], [b.id, 3]]);
    await addressOf(user.id);
    const quote = await api("POST", "/api/cart/quote", { token: user.token, body: {} });
    expect(quote.status).toBe(200);
    // 20.00 + 9.99; shipping 5.00 (Standard, cheapest); tax 15 %: 3.00 + 1.50 (1.4985 → 1.50) + 0.75
    expect(quote.body).toMatchObject({
      subtotal: "29.99",
      discount_total: "0.00",
      shipping_total: "5.00",
      tax_total: "5.25",
      total: "40.24",
      tax_rate: "15.00",
      shipping_method: { id: standard, name: "Standard", price: "5.00" },
      shipping_address: { country: COUNTRY, city: "Auckland" },
    });
    const order = await api("POST", "/api/orders", { token: user.token });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({
      subtotal: "29.99",
      shipping_total: "5.00",
      tax_total: "5.25",
      total: "40.24",
      payment_status: "unpaid",
      amount_paid: "0.00",
      currency: "usd",
      shipping_address: { country: COUNTRY, line1: "1 Harbour St" },
    });
    expect(new Date(order.body.expires_at).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(order.body.items.map((i: { sku: string; variant_id: number; tax: string }) => [i.variant_id, i.sku, i.tax])).toEqual([
      [a.id, `SKU-${a.id}`, "3.00"],
      [b.id, `SKU-${b.id}`, "1.50"],
    ]);
    // The order keeps a copy: editing or deleting the address changes nothing placed.
    await sql("update addresses set line1 = 'Elsewhere' where user_id = $1", [user.id]);
    await sql("delete from addresses where user_id = $1", [user.id]);
    expect((await api("GET", `/api/orders/${order.body.id}`, { token: user.token })).body.shipping_address.line1).toBe("1 Harbour St");
  });

  it("applies the most specific tax rate, a chosen method, free shipping over the threshold and the codes of each kind", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "60.00", stock: 50 });
    const user = await shopperWithCart([[p.id, 2]]);
    const otago = await addressOf(user.id, { region: "Otago" });
    const quote = (body: Record<string, unknown>) => api("POST", "/api/cart/quote", { token: user.token, body: { shipping_address_id: otago, ...body } });
    // 120.00 ≥ free_over 100.00: Standard ships free; Otago's 10 % applies.
    expect((await quote({})).body).toMatchObject({ subtotal: "120.00", shipping_total: "0.00", tax_total: "12.00", total: "132.00", tax_rate: "10.00" });
    expect((await quote({ shipping_method_id: express })).body).toMatchObject({ shipping_total: "15.00", tax_total: "13.50", total: "148.50" });
    const percent = await newCode({ kind: "percent", value: 12.5 });
    // 15.00 off; goods 105.00 still ≥ 100.00: free shipping; tax 10.50.
    expect((await quote({ discount_code: percent.toLowerCase() })).body).toMatchObject({ discount_total: "15.00", shipping_total: "0.00", tax_total: "10.50", total: "115.50", discount_code: percent });
    const fixed = await newCode({ kind: "fixed", value: 30 });
    // 90.00 left is under the free-shipping threshold: 5.00 shipping, tax on 90.00 + 5.00.
    expect((await quote({ discount_code: fixed })).body).toMatchObject({ discount_total: "30.00", shipping_total: "5.00", tax_total: "9.50", total: "104.50" });
    const freeShipping = await newCode({ kind: "free_shipping" });
    expect((await quote({ discount_code: freeShipping, shipping_method_id: express })).body).toMatchObject({ discount_total: "0.00", shipping_total: "0.00", total: "132.00" });
    // A fixed code larger than the goods takes them to zero, never below.
    const huge = await newCode({ kind: "fixed", value: 500 });
    expect((await quote({ discount_code: huge })).body).toMatchObject({ discount_total: "120.00", shipping_total: "5.00", tax_total: "0.50", total: "5.50" });
  });

  it("names what is wrong and takes nothing: codes, methods, addresses", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "20.00", stock: 5 });
    const user = await shopperWithCart([[p.id, 1]]);
    const home = await addressOf(user.id);
    const stranger = await newUser("stranger");
    const theirs = await addressOf(stranger.id);
    const place = (body: Record<string, unknown>) => api("POST", "/api/orders", { token: user.token, body: { shipping_address_id: home, ...body } });
    const type = async (body: Record<string, unknown>, status: number) => expectProblem(await place(body), status).type;

    expect(await type({ discount_code: "NO-SUCH-CODE" }, 404)).toBe("urn:problem:discount-not-found");
    expect(await type({ discount_code: await newCode({ kind: "percent", value: 10, active: false }) }, 409)).toBe("urn:problem:discount-inactive");
    expect(await type({ discount_code: await newCode({ kind: "percent", value: 10, ends_at: "2020-01-01T00:00:00Z" }) }, 409)).toBe("urn:problem:discount-expired");
    expect(await type({ discount_code: await newCode({ kind: "percent", value: 10, starts_at: "2099-01-01T00:00:00Z" }) }, 409)).toBe("urn:problem:discount-not-started");
    expect(await type({ discount_code: await newCode({ kind: "percent", value: 10, usage_limit: 1, times_used: 1 }) }, 409)).toBe("urn:problem:discount-used-up");
    const minimum = expectProblem(await place({ discount_code: await newCode({ kind: "fixed", value: 5, min_subtotal: 50 }) }), 409) as unknown as { type: string; missing: string };
    expect(minimum).toMatchObject({ type: "urn:problem:discount-min-subtotal", missing: "30.00" });
    expect(await type({ shipping_address_id: theirs }, 404)).toBe("urn:problem:not-found");
    expect(await type({ shipping_address_id: undefined, shipping_address: { name: "A", line1: "1 Rue", city: "Paris", country: "FR" }, shipping_method_id: standard }, 409)).toBe("urn:problem:shipping-unavailable");
    expect(await type({ shipping_address_id: undefined, shipping_address: { name: "A", line1: "1 Rue", city: "Reykjavik", country: "IS" } }, 409)).toBe("urn:problem:no-shipping-method");
    expect(await type({ shipping_address_id: undefined, shipping_address: { name: "A", line1: "1 Rue", city: "Nowhere", country: "X1" } }, 400)).toBe("urn:problem:validation");
    expect(await type({ shipping_method_id: 999999999 }, 404)).toBe("urn:problem:not-found");

    expect(await stockOf(p.id)).toBe(5);
    expect((await api("GET", "/api/cart", { token: user.token })).body.items).toHaveLength(1);
    expect(await sql("select id from orders where user_id = $1", [user.id])).toEqual([]);
  });

  it("keeps the per-customer limit, and a cancelled order gives its use back", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "20.00", stock: 50 });
    const code = await newCode({ kind: "percent", value: 10, per_customer_limit: 1 });
    const user = await shopperWithCart([[p.id, 1]]);
    await addressOf(user.id);
    const first = await api("POST", "/api/orders", { token: user.token, body: { discount_code: code } });
    expect(first.status).toBe(201);
    expect(first.body.discount_total).toBe("2.00");
    await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 1 } });
    expect(expectProblem(await api("POST", "/api/orders", { token: user.token, body: { discount_code: code } }), 409).type).toBe("urn:problem:discount-used-up");
    expect((await api("POST", `/api/orders/${first.body.id}/cancel`, { token: user.token })).status).toBe(200);
    expect((await api("POST", "/api/orders", { token: user.token, body: { discount_code: code } })).status).toBe(201);
    expect((await sql<{ times_used: number }>("select times_used from discounts where code = $1", [code]))[0]!.times_used).toBe(1);
  });
});

describe("a code limited to 10 uses, 50 orders at once", () => {
  it("gives exactly 10 orders the discount; the others are 409 discount-used-up and take nothing (10 rounds)", { timeout: 180_000 }, async () => {
    const ROUNDS = 10;
    const shoppers: Awaited<ReturnType<typeof newUser>>[] = [];
    // Ten at a time: each registration and login hashes a password.
    for (let i = 0; i < 5; i++) shoppers.push(...(await Promise.all(Array.from({ length: 10 }, () => newUser("rush")))));
    for (const s of shoppers) await addressOf(s.id);
    const ids = shoppers.map((s) => s.id);
    for (let round = 0; round < ROUNDS; round++) {
      // One product per shopper: the code's row is the only thing the 50 orders share.
      const products = await sql<{ id: number }>(
        "insert into products (name, price, stock, category_id) select 'Rush ' || g, 10.00, 5, $1 from generate_series(1, 50) g returning id",
        [categoryId],
      );
      const code = await newCode({ kind: "fixed", value: 1, usage_limit: 10 });
      await sql("insert into cart_items (user_id, product_id, quantity) select * from unnest($1::int[], $2::int[], array_fill(1, array[50]))", [ids, products.map((p) => p.id)]);
      const results = await Promise.all(shoppers.map((s) => api("POST", "/api/orders", { token: s.token, body: { discount_code: code } })));
      const placed = results.filter((r) => r.status === 201);
      expect(placed, `round ${round}: ${JSON.stringify([...new Set(results.map((r) => r.status))])}`).toHaveLength(10);
      expect(placed.every((r) => r.body.discount_total === "1.00" && r.body.discount_code === code)).toBe(true);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.type === "urn:problem:discount-used-up")).toBe(true);
      const stock = await sql<{ stock: number }>("select stock from products where id = any($1::int[]) order by id", [products.map((p) => p.id)]);
      expect(stock.filter((p) => p.stock === 4)).toHaveLength(10);
      expect(stock.filter((p) => p.stock === 5)).toHaveLength(40);
      expect((await sql<{ times_used: number }>("select times_used from discounts where code = $1", [code]))[0]!.times_used).toBe(10);
      // Paid at once, so nobody reaches the 5 unpaid orders one may hold; the losers' carts are emptied.
      await sql("update orders set status = 'paid', payment_status = 'paid', amount_paid = total where id = any($1::int[])", [placed.map((r) => r.body.id)]);
      await sql("delete from cart_items where user_id = any($1::int[])", [ids]);
    }
  });
});

describe("totals for random carts (property)", () => {
  it("the parts always add up to the total, no part is negative, and a discount never exceeds what it discounts", { timeout: 180_000 }, async () => {
    const products = await Promise.all(
      ["0.01", "0.99", "1.05", "3.33", "9.99", "12.34", "49.95", "100.00"].map((price) => createProduct(admin.token, categoryId, { price, stock: 1_000_000 })),
    );
    const user = await newUser("property");
    const address = await addressOf(user.id);
    const codes = {
      percent: await newCode({ kind: "percent", value: 33.33 }),
      fixed: await newCode({ kind: "fixed", value: 7.77 }),
      free_shipping: await newCode({ kind: "free_shipping" }),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ index: fc.integer({ min: 0, max: products.length - 1 }), quantity: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 6, selector: (l) => l.index }),
        fc.constantFrom(undefined, "percent", "fixed", "free_shipping"),
        fc.constantFrom(standard, express),
        async (lines, kind, method) => {
          await sql("delete from cart_items where user_id = $1", [user.id]);
          for (const { index, quantity } of lines) {
            await sql("insert into cart_items (user_id, product_id, variant_id, quantity) values ($1, $2, $2, $3)", [user.id, products[index]!.id, quantity]);
          }
          const res = await api("POST", "/api/cart/quote", {
            token: user.token,
            body: { shipping_address_id: address, shipping_method_id: method, discount_code: kind && codes[kind as keyof typeof codes] },
          });
          expect(res.status).toBe(200);
          const q = res.body;
          for (const part of ["subtotal", "discount_total", "shipping_total", "tax_total", "total"]) expect(cents(q[part])).toBeGreaterThanOrEqual(0);
          expect(cents(q.subtotal) - cents(q.discount_total) + cents(q.shipping_total) + cents(q.tax_total)).toBe(cents(q.total));
          expect(cents(q.discount_total)).toBeLessThanOrEqual(cents(q.subtotal));
          const items = q.items as { line_total: string; discount: string; tax: string }[];
          expect(items.reduce((sum, i) => sum + cents(i.line_total), 0)).toBe(cents(q.subtotal));
          expect(items.reduce((sum, i) => sum + cents(i.discount), 0)).toBe(cents(q.discount_total));
          for (const item of items) expect(cents(item.discount)).toBeLessThanOrEqual(cents(item.line_total));
        },
      ),
      { numRuns: 40, seed: 20261206 },
    );
  });
});

describe("guest checkout", () => {
  it("places an order without an account, readable only with its one-time token, its email to the guest", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "8.00", stock: 3 });
    const email = `guest-${tag()}@example.com`;
    const res = await api("POST", "/api/guest/orders", {
      body: { email, items: [{ product_id: p.id, quantity: 2 }], shipping_address: { name: "Guest", line1: "2 Quay St", city: "Auckland", country: "nz" } },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, status: "pending", subtotal: "16.00", shipping_total: "5.00", tax_total: "3.15", total: "24.15" });
    expect(res.body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await stockOf(p.id)).toBe(1);
    const read = await api("GET", `/api/guest/orders/${res.body.id}`, { token: res.body.access_token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(res.body.id);
    expect(read.body.access_token).toBeUndefined();
    expectProblem(await api("GET", `/api/guest/orders/${res.body.id}`, { token: "x".repeat(43) }), 404);
    expectProblem(await api("GET", `/api/guest/orders/${res.body.id}`), 401);
    const user = await newUser("not-the-guest");
    expectProblem(await api("GET", `/api/orders/${res.body.id}`, { token: user.token }), 404);
    const mails = await sql<{ to_address: string; template: string }>("select to_address, template from email_outbox where to_address = $1", [email]);
    expect(mails).toEqual([{ to_address: email, template: "order_placed" }]);
  });

  it("refuses unknown variants, a product with several variants without variant_id, and short stock, taking nothing", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "8.00", stock: 1 });
    const body = (items: unknown) => ({ email: `guest-${tag()}@example.com`, items, shipping_address: { name: "G", line1: "1 St", city: "Auckland", country: "NZ" } });
    expectProblem(await api("POST", "/api/guest/orders", { body: body([{ variant_id: 999999999, quantity: 1 }]) }), 404);
    expect(expectProblem(await api("POST", "/api/guest/orders", { body: body([{ product_id: p.id, quantity: 2 }]) }), 409).type).toBe("urn:problem:insufficient-stock");
    expectProblem(await api("POST", "/api/guest/orders", { body: body([{ product_id: p.id, variant_id: p.id, quantity: 1 }]) }), 400);
    expectProblem(await api("POST", "/api/guest/orders", { body: { ...body([{ product_id: p.id, quantity: 1 }]), shipping_address: undefined } }), 400);
    expect(await stockOf(p.id)).toBe(1);
  });
});

describe("the stock hold", () => {
  it("refuses a sixth unpaid order, and the sweep cancels expired ones, returning their stock and notifying the owner", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "1.00", stock: 100 });
    const user = await newUser("holder");
    const orders: number[] = [];
    for (let i = 0; i < 5; i++) {
      await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 1 } });
      const res = await api("POST", "/api/orders", { token: user.token });
      expect(res.status).toBe(201);
      orders.push(res.body.id);
    }
    await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 1 } });
    expect(expectProblem(await api("POST", "/api/orders", { token: user.token }), 409).type).toBe("urn:problem:too-many-unpaid-orders");
    expect(await stockOf(p.id)).toBe(95);

    await sql("update orders set expires_at = now() - interval '1 second' where id = any($1::int[])", [orders.slice(0, 3)]);
    const { env, createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
    const { default: worker } = await import("../../src/index");
    // Other test files run the cron too: a sweep of theirs may hold these rows (SKIP LOCKED), so
    // sweep until they are done, as the next minute's run would.
    for (let i = 0; i < 20 && (await stockOf(p.id)) !== 98; i++) {
      const ctx = createExecutionContext();
      await worker.scheduled({ cron: "* * * * *", scheduledTime: Date.now(), noRetry: () => undefined } as ScheduledController, env, ctx);
      await waitOnExecutionContext(ctx);
    }

    expect(await stockOf(p.id)).toBe(98);
    const statuses = await sql<{ id: number; status: string }>("select id, status from orders where id = any($1::int[]) order by id", [orders]);
    expect(statuses.map((o) => o.status)).toEqual(["cancelled", "cancelled", "cancelled", "pending", "pending"]);
    const notes = await sql<{ order_id: number; to_status: string }>("select order_id, to_status from notifications where user_id = $1 order by id", [user.id]);
    expect(notes).toEqual(orders.slice(0, 3).map((id) => ({ order_id: id, to_status: "cancelled" })));
    // Room again for an order.
    expect((await api("POST", "/api/orders", { token: user.token })).status).toBe(201);
  });
});

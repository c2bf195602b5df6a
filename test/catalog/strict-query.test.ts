import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser, PASSWORD, uniqueEmail, type ApiResponse } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";
import { PNG_3x2 } from "../images/fixtures";

// Every operation of the served OpenAPI document refuses query parameters it does not define (400
// naming them), before it reads or writes anything; list pages stop at page × page_size = 10,000.

interface Operation {
  method: string;
  /** The documented path, e.g. /api/products/{id}. */
  template: string;
  secured: boolean;
  admin: boolean;
  queryParams: string[];
}

type Doc = {
  paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[]; responses?: Record<string, unknown> }>>;
};

let operations: Operation[] = [];
let admin: Awaited<ReturnType<typeof newAdmin>>;
let shopper: Awaited<ReturnType<typeof newUser>>;
let fixture: {
  categoryId: number;
  emptyCategoryId: number;
  productId: number;
  cartProductId: number;
  orderId: number;
  notificationId: number;
  guestOrderId: number;
  guestToken: string;
  guestAddress: Record<string, string>;
  addressId: number;
  shippingMethodId: number;
  taxRateId: number;
  discountId: number;
  imageId: number;
  imageKey: string;
};
const newEmail = uniqueEmail("never-registered");
const newCategoryName = `Never created ${crypto.randomUUID()}`;
const newProductName = `Never created ${crypto.randomUUID()}`;
// Also a valid discount code (letters, digits, dashes).
const newCheckoutName = `Never-created-${crypto.randomUUID().slice(0, 8)}`;

/** A request each operation would accept: right ids, right token, a valid body (and required query). Only the added query is wrong. */
function validRequest(op: Operation): { path: string; query?: string; token?: string; body?: unknown; headers?: Record<string, string> } {
  const key = `${op.method} ${op.template}`;
  const ids: Record<string, number> = {
    "/api/categories/{id}": op.method === "DELETE" ? fixture.emptyCategoryId : fixture.categoryId,
    "/api/products/{id}": fixture.productId,
    "/api/products/{id}/stock": fixture.productId,
    // A product with one variant: the variant's id is the product's.
    "/api/products/{id}/variants": fixture.productId,
    "/api/products/{id}/variants/{variant_id}": fixture.productId,
    "/api/variants/{id}/stock": fixture.productId,
    "/api/cart/items/{variant_id}": fixture.cartProductId,
    "/api/orders/{id}": fixture.orderId,
    "/api/orders/{id}/cancel": fixture.orderId,
    "/api/admin/orders/{id}": fixture.orderId,
    "/api/notifications/{id}/read": fixture.notificationId,
    "/api/orders/{id}/payment": fixture.orderId,
    "/api/admin/orders/{id}/refunds": fixture.orderId,
    "/api/guest/orders/{id}/payment": fixture.guestOrderId,
    "/api/guest/orders/{id}": fixture.guestOrderId,
    "/api/me/addresses/{id}": fixture.addressId,
    "/api/admin/shipping-methods/{id}": fixture.shippingMethodId,
    "/api/admin/tax-rates/{id}": fixture.taxRateId,
    "/api/admin/discounts/{id}": fixture.discountId,
    "/api/products/{id}/images": fixture.productId,
  };
  // Paths with more than one parameter, or one that is not an id.
  const named: Record<string, Record<string, string | number>> = {
    "/api/products/{id}/images/{image_id}": { id: fixture.productId, image_id: fixture.imageId },
    "/images/{key}": { key: fixture.imageKey },
  };
  const bodies: Record<string, unknown> = {
    "POST /api/auth/register": { email: newEmail, password: PASSWORD },
    "POST /api/auth/login": { email: shopper.email, password: PASSWORD },
    "POST /api/auth/refresh": { refresh: shopper.refresh },
    "POST /api/auth/logout": { refresh: shopper.refresh },
    "PATCH /api/me": { name: "Changed by a junk query" },
    "POST /api/categories": { name: newCategoryName },
    "PATCH /api/categories/{id}": { description: "changed by a junk query" },
    "POST /api/products": { name: newProductName, price: "1.00", category_id: fixture.categoryId },
    "PATCH /api/products/{id}": { price: "99.00" },
    "POST /api/products/{id}/stock": { delta: 1 },
    "POST /api/cart/items": { product_id: fixture.productId, quantity: 1 },
    "POST /api/products/{id}/variants": { sku: `NEVER-${crypto.randomUUID()}`, price: "1.00" },
    "PATCH /api/products/{id}/variants/{variant_id}": { price: "99.00" },
    "POST /api/variants/{id}/stock": { delta: 1 },
    "PATCH /api/cart/items/{variant_id}": { quantity: 3 },
    "PATCH /api/admin/orders/{id}": { status: "paid" },
    "POST /api/guest/orders": { email: newEmail, items: [{ product_id: fixture.productId, quantity: 1 }], shipping_address: fixture.guestAddress },
    "POST /api/me/addresses": { name: newCheckoutName, line1: "1 Main St", city: "Town", country: "DE" },
    "PATCH /api/me/addresses/{id}": { city: "Changed by a junk query" },
    "POST /api/admin/shipping-methods": { name: newCheckoutName, price: "1.00", countries: ["AQ"] },
    "PATCH /api/admin/shipping-methods/{id}": { price: "99.00" },
    "POST /api/admin/tax-rates": { country: "AQ", region: newCheckoutName, rate: "1" },
    "PATCH /api/admin/tax-rates/{id}": { rate: "99" },
    "POST /api/admin/discounts": { code: newCheckoutName, kind: "fixed", value: "1" },
    "PATCH /api/admin/discounts/{id}": { value: "99" },
    "PATCH /api/products/{id}/images/{image_id}": { alt: "changed by a junk query" },
    "POST /api/admin/orders/{id}/refunds": { restock: false },
  };
  const queries: Record<string, string> = { "GET /api/shipping-methods": "country=AQ" };
  const params = named[op.template];
  const path = params ? op.template.replace(/\{([^}]+)\}/g, (_, name: string) => String(params[name])) : op.template.replace(/\{[^}]+\}/g, () => {
    const id = ids[op.template];
    if (id === undefined) throw new Error(`no fixture id for ${key}: add one to validRequest`);
    return String(id);
  });
  const headers = key === "POST /api/orders" ? { "idempotency-key": crypto.randomUUID() } : undefined;
  const token = op.template === "/api/guest/orders/{id}" ? fixture.guestToken : op.secured ? (op.admin ? admin.token : shopper.token) : undefined;
  return { path, query: queries[key], token, body: bodies[key], headers };
}

/** What any of those requests would change if it ran: rows of the fixtures and of the would-be new ones. */
async function snapshot(): Promise<string> {
  const [row] = await sql<{ s: string }>(
    `select concat_ws(' | ',
      (select concat_ws(',', name, phone, address, updated_at) from users where id = $1),
      (select count(*) from users where email = $2),
      (select string_agg(concat_ws(',', id, revoked_at), ';' order by id) from refresh_families where user_id = $1),
      (select count(*) from refresh_tokens where user_id = $1),
      (select string_agg(concat_ws(',', id, name, description, updated_at), ';' order by id) from categories where id in ($3, $4)),
      (select count(*) from categories where name = $5),
      (select string_agg(concat_ws(',', id, name, price, stock, deleted_at, updated_at), ';' order by id) from products where category_id = $3),
      (select count(*) from products where name = $6),
      (select string_agg(concat_ws(',', product_id, quantity), ';' order by product_id) from cart_items where user_id = $1),
      (select string_agg(concat_ws(',', id, status, updated_at), ';' order by id) from orders where user_id = $1),
      (select string_agg(concat_ws(',', id, read_at), ';' order by id) from notifications where user_id = $1),
      (select string_agg(concat_ws(',', id, city, updated_at), ';' order by id) from addresses where user_id = $1),
      (select string_agg(concat_ws(',', id, price, updated_at), ';' order by id) from shipping_methods where id = $8 or name = $7),
      (select string_agg(concat_ws(',', id, rate, updated_at), ';' order by id) from tax_rates where id = $9 or region = $7),
      (select string_agg(concat_ws(',', id, value, updated_at), ';' order by id) from discounts where id = $10 or code = $7)) as s`,
    [shopper.id, newEmail, fixture.categoryId, fixture.emptyCategoryId, newCategoryName, newProductName, newCheckoutName, fixture.shippingMethodId, fixture.taxRateId, fixture.discountId],
  );
  return row!.s;
}

async function send(op: Operation, query: string): Promise<ApiResponse> {
  const request = validRequest(op);
  return api(op.method, `${request.path}?${request.query ? `${request.query}&` : ""}${query}`, { token: request.token, body: request.body, headers: request.headers });
}

/** A 400 that names exactly these parameters and was decided before any round trip to Postgres or Redis. */
function expectUnknown(res: ApiResponse, names: string[], where: string) {
  const problem = expectProblem(res, 400);
  expect(problem.type, where).toBe("urn:problem:validation");
  expect(problem.errors?.map((e) => e.path).sort(), where).toEqual([...names].sort());
  for (const name of names) expect(problem.detail, where).toContain(name);
  expect(res.headers.get("x-db-round-trips"), where).toBe("0");
  expect(res.headers.get("x-cache-round-trips"), where).toBe("0");
}

beforeAll(async () => {
  const doc = (await api<Doc>("GET", "/api/openapi.json")).body;
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations.push({
        method: method.toUpperCase(),
        template,
        secured: Boolean(op.security?.length),
        admin: Boolean(op.responses?.["403"]),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      });
    }
  }
  admin = await newAdmin();
  shopper = await newUser("strict");
  const category = await createCategory(admin.token);
  const empty = await createCategory(admin.token);
  const product = await createProduct(admin.token, category.id, { stock: 50 });
  const inCart = await createProduct(admin.token, category.id, { stock: 50 });
  const orderId = await placeOrder(shopper.token, product.id, 1);
  expect((await api("POST", "/api/cart/items", { token: shopper.token, body: { product_id: inCart.id, quantity: 2 } })).status).toBe(200);
  const [note] = await sql<{ id: number }>("insert into notifications (user_id, order_id, from_status, to_status) values ($1, $2, 'pending', 'shipped') returning id", [shopper.id, orderId]);
  const guestAddress = { name: "Strict", line1: "1 Query Row", city: "Lyon", country: "FR" };
  await sql("insert into shipping_methods (name, price, countries) values ('Strict post', 1.00, '{FR}')");
  const guest = await api("POST", "/api/guest/orders", { body: { email: `guest-${newEmail}`, items: [{ product_id: product.id, quantity: 1 }], shipping_address: guestAddress } });
  expect(guest.status).toBe(201);
  const [address] = await sql<{ id: number }>("insert into addresses (user_id, name, line1, city, country, is_default) values ($1, 'Strict', '1 Main St', 'Town', 'DE', true) returning id", [shopper.id]);
  const [method] = await sql<{ id: number }>("insert into shipping_methods (name, price, countries) values ('Strict', 1.00, '{AQ}') returning id");
  const [rate] = await sql<{ id: number }>("insert into tax_rates (country, region, rate) values ('AQ', $1, 1) returning id", [`Strict ${crypto.randomUUID()}`]);
  const [discount] = await sql<{ id: number }>("insert into discounts (code, kind, value) values ($1, 'fixed', 1) returning id", [`STRICT-${crypto.randomUUID()}`]);
  const image = await SELF.fetch(`${BASE}/api/products/${product.id}/images`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` }, body: PNG_3x2 });
  const { id: imageId, url } = (await image.json()) as { id: number; url: string };
  fixture = {
    categoryId: category.id,
    emptyCategoryId: empty.id,
    productId: product.id,
    cartProductId: inCart.id,
    orderId,
    notificationId: note!.id,
    guestOrderId: guest.body.id,
    guestToken: guest.body.access_token,
    guestAddress,
    addressId: address!.id,
    shippingMethodId: method!.id,
    taxRateId: rate!.id,
    discountId: discount!.id,
    imageId,
    imageKey: url.split("/").pop()!,
  };
});

describe("unknown query parameters", () => {
  it("are a 400 naming them on every operation of the OpenAPI document, and change nothing", async () => {
    expect(operations.length).toBeGreaterThan(25);
    const before = await snapshot();
    const failures: string[] = [];
    for (const op of operations) {
      const where = `${op.method} ${op.template}`;
      // Junk next to parameters the operation does take (or alone, for those that take none).
      const valid = op.queryParams.includes("page_size") ? "page_size=5&" : op.queryParams.includes("token") ? `token=${shopper.token}&` : "";
      try {
        expectUnknown(await send(op, "bogus=1"), ["bogus"], where);
        expectUnknown(await send(op, `${valid}_=1732550400&Page=2`), ["_", "Page"], where);
      } catch (err) {
        failures.push(`${where}: ${(err as Error).message.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it("are refused by name while the same reads without them succeed", async () => {
    for (const op of operations.filter((o) => o.method === "GET" && o.template !== "/api/notifications/ws")) {
      const request = validRequest(op);
      const res = await api("GET", request.query ? `${request.path}?${request.query}` : request.path, { token: request.token });
      // /health answers 503 by design while a dependency is slow (a loaded machine); never 400.
      expect(op.template === "/health" ? [200, 503] : [200], `${op.method} ${op.template}`).toContain(res.status);
    }
  });

  it.each([
    ["/api/products?page=1&page=2", "page"],
    ["/api/products?category=1&category=2", "category"],
    ["/api/products?search=lamp&search=desk", "search"],
    ["/api/categories?page_size=5&page_size=5", "page_size"],
  ])("a repeated parameter is a 400 naming it: %s", async (path, name) => {
    const res = await api("GET", path);
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.path)).toEqual([name]);
    expect(res.headers.get("x-db-round-trips")).toBe("0");
  });
});

describe("page numbers reach 10,000 rows deep at most", () => {
  it("on every list: deeper is a 400 that points to next_cursor, decided without Postgres", async () => {
    const lists = operations.filter((o) => o.queryParams.includes("page"));
    expect(lists.map((o) => o.template).sort()).toEqual([
      "/api/admin/discounts",
      "/api/admin/emails",
      "/api/admin/orders",
      "/api/admin/shipping-methods",
      "/api/admin/tax-rates",
      "/api/categories",
      "/api/me/addresses",
      "/api/notifications",
      "/api/orders",
      "/api/products",
      "/api/shipping-methods",
    ]);
    for (const op of lists) {
      const where = `${op.method} ${op.template}`;
      for (const query of ["page=1001&page_size=10", "page=101&page_size=100", "page=10001", "page=999999999", "page=999999999&page_size=100"]) {
        const res = await send(op, query);
        const problem = expectProblem(res, 400);
        expect(problem.errors?.map((e) => e.path), `${where}?${query}`).toEqual(["page"]);
        expect(problem.detail, `${where}?${query}`).toMatch(/next_cursor/);
        expect(res.headers.get("x-db-round-trips"), `${where}?${query}`).toBe("0");
        expect(res.headers.get("x-cache-round-trips"), `${where}?${query}`).toBe("0");
      }
      // The deepest pages allowed (what they hold depends on what other test files created).
      for (const [query, size] of [["page=1000&page_size=10", 10], ["page=100&page_size=100", 100], ["page=10000&page_size=1", 1]] as const) {
        const res = await send(op, query);
        expect(res.status, `${where}?${query}: ${JSON.stringify(res.body)}`).toBe(200);
        expect((res.body as { results: unknown[] }).results.length, `${where}?${query}`).toBeLessThanOrEqual(size);
      }
    }
  });
});

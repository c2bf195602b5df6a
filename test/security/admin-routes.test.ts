import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { requireAdmin } from "../../src/auth/guards";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";

// Admin routes, derived from the served OpenAPI document: every operation marked `x-admin: true`
// (adminOnly in src/auth/guards.ts) is called anonymously (401) and with a shopper's token (403,
// refused by the token alone: no store asked), and nothing changes. The mark itself is held to the
// code: a route guarded by requireAdmin, or a path under /api/admin/, without it fails here.

interface Operation {
  method: string;
  path: string;
  admin: boolean;
  hasBody: boolean;
  security: unknown;
  statuses: string[];
}

async function servedOperations(): Promise<Operation[]> {
  const res = await api("GET", "/api/openapi.json");
  expect(res.status).toBe(200);
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(res.body.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      out.push({ method: method.toUpperCase(), path, admin: op["x-admin"] === true, hasBody: op.requestBody !== undefined, security: op.security, statuses: Object.keys(op.responses) });
    }
  }
  return out;
}

const key = (method: string, path: string) => `${method} ${path}`;

/** The routes whose middleware includes requireAdmin, as the document spells their paths. */
function guardedRoutes(): string[] {
  return createApp()
    .routes.filter((r) => r.handler === requireAdmin)
    .map((r) => key(r.method, r.path.replace(/:(\w+)/g, "{$1}")));
}

/** Real rows of every kind an admin route writes, named by the path segment before their id. */
interface Target {
  ids: Record<string, number>;
  newName: string;
}

/** `{id}` takes the id of the collection it follows; `{variant_id}` / `{image_id}` name theirs. */
function fill(path: string, ids: Record<string, number>): string {
  return path.replace(/([^/]+)\/\{(\w+)\}/g, (_, collection: string, param: string) => {
    const kind = param === "id" ? collection : param.replace(/_id$/, "s");
    const id = ids[kind];
    if (id === undefined) throw new Error(`no target row for {${param}} after /${collection}/ in ${path}: add one to the test's targets`);
    return `${collection}/${id}`;
  });
}

let ops: Operation[];
let target: Target;

beforeAll(async () => {
  ops = await servedOperations();
  const admin = await newAdmin();
  const owner = await newUser("owner");
  const category = (await createCategory(admin.token)).id;
  const product = await createProduct(admin.token, category, { stock: 50, price: "7.00" });
  const [variant] = await sql<{ id: number }>("select id from variants where product_id = $1 and deleted_at is null order by id limit 1", [product.id]);
  const [image] = await sql<{ id: number }>(
    "insert into product_images (product_id, key, content_type, width, height, byte_size) values ($1, $2, 'image/png', 3, 2, 94) returning id",
    [product.id, `products/${product.id}/guarded-${crypto.randomUUID()}.png`],
  );
  target = {
    newName: `Intruder ${crypto.randomUUID()}`,
    ids: {
      orders: await placeOrder(owner.token, product.id),
      categories: category,
      products: product.id,
      variants: variant!.id,
      images: image!.id,
      "shipping-methods": (await sql<{ id: number }>("insert into shipping_methods (name, price, countries) values ('Guarded', 9.00, '{AQ}') returning id"))[0]!.id,
      "tax-rates": (await sql<{ id: number }>("insert into tax_rates (country, region, rate) values ('AQ', $1, 9) returning id", [`Guarded ${crypto.randomUUID()}`]))[0]!.id,
      discounts: (await sql<{ id: number }>("insert into discounts (code, kind, value) values ($1, 'fixed', 9) returning id", [`GUARDED-${crypto.randomUUID()}`]))[0]!.id,
    },
  };
});

/** Everything those routes could change, read straight from Postgres. */
async function snapshot({ ids, newName }: Target) {
  return {
    order: await sql("select status, total, user_id, updated_at from orders where id = $1", [ids.orders]),
    history: await sql("select count(*)::int as n from order_status_history where order_id = $1", [ids.orders]),
    refunds: await sql("select count(*)::int as n from refunds where order_id = $1", [ids.orders]),
    categories: await sql("select id, name, description, updated_at from categories where id = $1 or name = $2 order by id", [ids.categories, newName]),
    products: await sql("select id, name, price, stock, deleted_at, updated_at from products where id = $1 or category_id = $2 order by id", [ids.products, ids.categories]),
    variants: await sql("select id, sku, price, stock, image_id, deleted_at, updated_at from variants where product_id = $1 order by id", [ids.products]),
    images: await sql("select id, alt, position from product_images where product_id = $1 order by id", [ids.products]),
    shippingMethods: await sql("select id, name, price, countries, active, updated_at from shipping_methods where id = $1", [ids["shipping-methods"]]),
    taxRates: await sql("select id, country, region, rate, updated_at from tax_rates where id = $1", [ids["tax-rates"]]),
    discounts: await sql("select id, code, kind, value, active, updated_at from discounts where id = $1", [ids.discounts]),
  };
}

const call = (op: Operation, token?: string) => api(op.method, fill(op.path, target.ids), { token, body: op.hasBody ? {} : undefined });

describe("admin operations in the served OpenAPI document", () => {
  it("mark every route guarded by requireAdmin and every path under /api/admin/, and nothing else", () => {
    const marked = ops.filter((op) => op.admin).map((op) => key(op.method, op.path)).sort();
    expect(marked).toEqual([...new Set(guardedRoutes())].sort());
    for (const op of ops.filter((o) => o.path.startsWith("/api/admin/"))) expect(op.admin, key(op.method, op.path)).toBe(true);
    for (const op of ops.filter((o) => o.admin)) {
      expect(op.security, key(op.method, op.path)).toEqual([{ bearerAuth: [] }]);
      expect(op.statuses, key(op.method, op.path)).toEqual(expect.arrayContaining(["401", "403"]));
    }
    // The catalog writes and the admin area at least: a mark lost everywhere cannot pass as "nothing to check".
    expect(marked.length).toBeGreaterThanOrEqual(30);
  });

  it("answer 401 problem+json to anonymous callers, and change nothing", async () => {
    const before = await snapshot(target);
    for (const op of ops.filter((o) => o.admin)) {
      const res = await call(op);
      expect(res.status, key(op.method, op.path)).toBe(401);
      expectProblem(res, 401);
      expect(res.headers.get("www-authenticate"), key(op.method, op.path)).toMatch(/^Bearer/);
    }
    expect(await snapshot(target)).toEqual(before);
  });

  it("answer 403 problem+json to a shopper from the token alone (no store asked), and change nothing", async () => {
    const shopper = await newUser("plain");
    const before = await snapshot(target);
    for (const op of ops.filter((o) => o.admin)) {
      const res = await call(op, shopper.token);
      expect(res.status, key(op.method, op.path)).toBe(403);
      expect(expectProblem(res, 403).detail).toBe("This needs an admin account.");
      expect([res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips")], key(op.method, op.path)).toEqual(["0", "0"]);
    }
    expect(await snapshot(target)).toEqual(before);
  });

  it("refuse an admin whose is_admin was revoked at once, with the token issued before", async () => {
    const former = await newAdmin();
    expect((await api("GET", "/api/admin/orders", { token: former.token })).status).toBe(200);
    await sql("update users set is_admin = false where id = $1", [former.id]);
    const before = await snapshot(target);
    expectProblem(await api("GET", "/api/admin/orders", { token: former.token }), 403);
    expectProblem(await api("PATCH", `/api/products/${target.ids.products}`, { token: former.token, body: { price: "0.01" } }), 403);
    expect(await snapshot(target)).toEqual(before);
  });
});

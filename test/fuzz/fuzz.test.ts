import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import worker from "../../src/index";
import { BASE, newUser } from "../helpers/api";
import { sql } from "../helpers/db";

// Fixed seed in CI; FUZZ_SEED=… FUZZ_RUNS=… npm test for other or longer runs.
const { seed: SEED, runs: RUNS } = inject("fuzz");

interface Operation {
  method: string;
  path: string;
  secured: boolean;
  bodyFields: string[];
  queryParams: string[];
}

const nasty = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "null",
  "true",
  "9999999999999999999999",
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "ünïcødé ✓ 😀",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "a".repeat(5000),
);

const scalar = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, 0, -0.001, 1.005, 1e21),
  fc.boolean(),
  fc.constant(null),
);

const jsonValue = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }));

function bodyFor(op: Operation) {
  const known = fc.dictionary(fc.constantFrom(...(op.bodyFields.length ? op.bodyFields : ["x"])), jsonValue, { maxKeys: 4 });
  // Mass assignment and unknown fields mixed in on purpose.
  const extra = fc.dictionary(fc.constantFrom("is_admin", "user_id", "status", "total", "id", "__proto__", "role", "deleted_at"), jsonValue, { maxKeys: 2 });
  return fc.oneof(
    fc.tuple(known, extra).map(([a, b]) => JSON.stringify({ ...a, ...b })),
    jsonValue.map((v) => JSON.stringify(v)),
    fc.constantFrom("", "{", "[1,2", "null", "not json", '{"a":1}{"b":2}', '{"email":'),
  );
}

let fixtureIds: number[] = [];

function pathFor(op: Operation) {
  const segment = fc.oneof(
    fc.constantFrom(...fixtureIds).map(String),
    fc.integer({ min: -5, max: 100000 }).map(String),
    fc.constantFrom("0", "-1", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "%20", "..%2F..", "' OR 1=1", "😀"),
  );
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return fc.tuple(...names.map(() => segment)).map((values) => {
    let p = op.path;
    names.forEach((name, i) => (p = p.replace(`{${name}}`, encodeURIComponent(values[i] ?? ""))));
    return p;
  });
}

function queryFor(op: Operation) {
  const keys = [...op.queryParams, "page", "page_size", "cursor", "unknown"];
  return fc.dictionary(fc.constantFrom(...keys), fc.oneof(nasty, fc.integer().map(String), fc.string({ maxLength: 12 })), { maxKeys: 4 }).map((q) => new URLSearchParams(q).toString());
}

let operations: Operation[] = [];
let userToken = "";
let userId = 0;
let categoryId = 0;
/** Another user's order, notification and cart line: the fuzzing user must never reach them. */
let victim = { id: 0, orderId: 0, notificationId: 0 };

/**
 * Calls the Worker's own fetch inside workerd. Not SELF.fetch: under the workers pool every
 * SELF.fetch in one instance gets slower than the last (cloudflare/workers-sdk#15446), which
 * turns 10,000 requests into half an hour; the Worker itself stays flat.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), env, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, headers: res.headers });
}

/** State that no anonymous or ordinary request may change: fixture catalog rows, the user's role, orders. */
async function snapshot() {
  const [row] = await sql<{ s: string }>(
    `select concat_ws('|',
      (select string_agg(concat_ws(',', id, name, description, price, stock, category_id, deleted_at), ';' order by id) from products where category_id = $1),
      (select concat_ws(',', name, description) from categories where id = $1),
      (select concat_ws(',', email, is_admin, password_hash) from users where id = $2),
      (select count(*) from orders where user_id = $2),
      (select concat_ws(',', status, total, updated_at) from orders where id = $3),
      (select concat_ws(',', read_at) from notifications where id = $4),
      (select string_agg(concat_ws(',', product_id, quantity), ';' order by product_id) from cart_items where user_id = $5)) as s`,
    [categoryId, userId, victim.orderId, victim.notificationId, victim.id],
  );
  return row!.s;
}

describe("fuzzing every endpoint from the OpenAPI document", () => {
  beforeAll(async () => {
    const res = await send("/api/openapi.json", {});
    const doc = (await res.json()) as { paths: Record<string, Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown>; $ref?: string } }> } }>>; components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> } };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        let schema = op.requestBody?.content?.["application/json"]?.schema;
        if (schema?.$ref) schema = doc.components?.schemas?.[schema.$ref.split("/").pop()!];
        operations.push({
          method: method.toUpperCase(),
          path: path.replace(/\/\{[^}]+\}/g, (m) => m),
          secured: Boolean(op.security?.length),
          bodyFields: Object.keys(schema?.properties ?? {}),
          queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        });
      }
    }
    operations = operations.filter((o) => o.path !== "/api/notifications/ws");
    const user = await newUser("fuzz");
    userToken = user.token;
    userId = user.id;
    const [category] = await sql<{ id: number }>("insert into categories (name, description) values ($1, 'fuzz fixture') returning id", [`Fuzz ${crypto.randomUUID()}`]);
    categoryId = category!.id;
    const products = await sql<{ id: number }>(
      "insert into products (name, description, price, stock, category_id) values ('Fuzz A', 'a', 10.00, 5, $1), ('Fuzz B', 'b', 0.99, 0, $1) returning id",
      [categoryId],
    );
    const other = await newUser("victim");
    const [order] = await sql<{ id: number }>("insert into orders (user_id, subtotal, total) values ($1, 10.00, 10.00) returning id", [other.id]);
    await sql("insert into order_items (order_id, product_id, variant_id, sku, name, unit_price, quantity) values ($1, $2::int, $2::int, 'SKU-' || $2::int, 'Fuzz A', 10.00, 1)", [order!.id, products[0]!.id]);
    const [note] = await sql<{ id: number }>(
      "insert into notifications (user_id, order_id, from_status, to_status) values ($1, $2, 'pending', 'shipped') returning id",
      [other.id, order!.id],
    );
    await sql("insert into cart_items (user_id, product_id, quantity) values ($1, $2, 2)", [other.id, products[0]!.id]);
    victim = { id: other.id, orderId: order!.id, notificationId: note!.id };
    fixtureIds = [categoryId, ...products.map((p) => p.id), victim.id, victim.orderId, victim.notificationId];
  });

  it(`answers ${RUNS} generated bad requests without a 5xx, always with problem+json errors, and changes nothing it should not`, async () => {
    expect(operations.length).toBeGreaterThan(10);
    const before = await snapshot();
    let sent = 0;
    const caseArb = fc
      .integer({ min: 0, max: operations.length - 1 })
      .chain((i) => fc.tuple(fc.constant(operations[i]!), pathFor(operations[i]!), queryFor(operations[i]!), bodyFor(operations[i]!), fc.constantFrom("none", "user", "garbage")));
    // Generated up front from the fixed seed, so a failure names a reproducible case index.
    // Sent one at a time: local workerd is one thread, concurrency only slows it down.
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    let next = 0;
    const runCases = async () => {
      for (;;) {
        const index = next++;
        if (index >= cases.length) return;
        const [op, path, query, body, auth] = cases[index]!;
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (auth === "user") headers.authorization = `Bearer ${userToken}`;
        if (auth === "garbage") headers.authorization = "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.";
        const res = await send(`${path}${query ? `?${query}` : ""}`, {
          method: op.method,
          headers,
          body: op.method === "GET" || op.method === "DELETE" ? undefined : body,
        });
        sent++;
        const text = await res.text();
        const where = `case ${index}: ${op.method} ${path}?${query} auth=${auth} body=${String(body).slice(0, 120)}`;
        // /health answers 503 by design when a dependency is slow; nothing else may 5xx.
        if (res.status >= 500 && !(path === "/health" && res.status === 503)) failures.push(`${where} → ${res.status}: ${text.slice(0, 200)}`);
        else if (res.status >= 400) {
          const type = res.headers.get("content-type") ?? "";
          let problem: { status?: unknown } = {};
          try {
            problem = JSON.parse(text);
          } catch {
            // reported below
          }
          if (!type.includes("application/problem+json") || problem.status !== res.status) failures.push(`${where} → ${res.status} not problem+json: ${text.slice(0, 200)}`);
          if (/\b(select|insert|update)\b.+\b(from|into|set)\b|at .+\.ts:\d+/i.test(text)) failures.push(`${where} → leaks internals: ${text.slice(0, 200)}`);
        }
      }
    };
    await runCases();
    expect(failures.slice(0, 10)).toEqual([]);
    expect(sent).toBe(RUNS);
    // Anonymous and ordinary users changed no catalog row, no role, placed no order, and never
    // touched another user's order, notification or cart.
    expect(await snapshot()).toBe(before);
  });
});

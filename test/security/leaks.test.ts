import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api, BASE, expectProblem, newUser, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { callWorker, captureConsole } from "../helpers/worker";

// No secret, connection string, SQL or stack frame ever reaches a client or a log line, whatever
// error is provoked: bad input, constraint violations, conflicts, and backing services that fail.

type User = Awaited<ReturnType<typeof newUser>>;

const dbUrl = new URL(env.DATABASE_URL);
const DB_PASSWORD = decodeURIComponent(dbUrl.password);

/** Distinctive stand-ins: if one of these shows up anywhere, it can only have been copied there. */
const FAKE_DB_PASSWORD = `pg-pass-${crypto.randomUUID()}`;
const FAKE_REDIS_TOKEN = `upstash-token-${crypto.randomUUID()}`;
const USER_PASSWORD = `user-pass-${crypto.randomUUID()}`;

const SECRETS = () => [
  env.JWT_SECRET,
  env.DATABASE_URL,
  `:${DB_PASSWORD}@`,
  env.UPSTASH_REDIS_REST_TOKEN,
  FAKE_DB_PASSWORD,
  FAKE_REDIS_TOKEN,
  USER_PASSWORD,
];

const SQL_TEXT = [
  /\bselect\s+[\w"*(][^]{0,300}?\sfrom\s/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+"?\w+"?\s+set\b/i,
  /\bdelete\s+from\b/i,
  /failed query/i,
  /\bparams:/i,
  /duplicate key|violates\s+\w+(\s+\w+)?\s+constraint|\bconstraint\b|relation\s+"/i,
  /syntax error at or near/i,
];
const INTERNALS = [/\bat\s+\S+\.(ts|js|mjs):\d+/, /node_modules/, /\/src\//, /"stack"/];

/** Everything in `text` that must not be there; [] when clean. */
function findLeaks(text: string, { internals = true }: { internals?: boolean } = {}): string[] {
  const found = SECRETS().filter((s) => text.includes(s)).map((s) => `secret ${s.slice(0, 12)}…`);
  for (const pattern of [...SQL_TEXT, ...(internals ? INTERNALS : [])]) if (pattern.test(text)) found.push(`pattern ${pattern}`);
  return found;
}

function expectCleanResponse(res: { status: number; headers: Headers; body: unknown }, label: string) {
  const text = `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${typeof res.body === "string" ? res.body : JSON.stringify(res.body)}`;
  expect(findLeaks(text), label).toEqual([]);
}

// ── calling the Worker directly, with some bindings replaced, while capturing its console ───────

async function callCapturing(request: Request, overrides: Partial<typeof env>) {
  const lines = captureConsole();
  // Background work (closing the pool, pushes, cache fills) logs after the response: callWorker waits for it.
  const res = await callWorker(request, overrides);
  const body = await res.text();
  vi.restoreAllMocks();
  return { status: res.status, headers: res.headers, body, lines };
}

const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const withDatabase = (changes: { password?: string; port?: string; database?: string }) => {
  const url = new URL(env.DATABASE_URL);
  if (changes.password !== undefined) url.password = changes.password;
  if (changes.port !== undefined) url.port = changes.port;
  if (changes.database !== undefined) url.pathname = `/${changes.database}`;
  return url.toString();
};

afterEach(() => {
  vi.restoreAllMocks();
});

let admin: User;
let user: User;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  user = await newUser("leaks");
  categoryId = (await createCategory(admin.token)).id;
});

describe("error responses", () => {
  it("say nothing internal about bad or forged cursors", async () => {
    const forgedPayload = btoa(JSON.stringify({ k: "products", id: "1 or 1=1; select * from users" })).replace(/=+$/, "");
    const cases: [string, string | undefined][] = [
      ["/api/products?cursor=not-a-cursor", undefined],
      [`/api/products?cursor=${encodeURIComponent(`${forgedPayload}.AAAA`)}`, undefined],
      [`/api/categories?cursor=${"x".repeat(2000)}.${"y".repeat(40)}`, undefined],
      ["/api/orders?cursor=a.b", user.token],
      [`/api/notifications?cursor=${encodeURIComponent("%%%.***")}`, user.token],
    ];
    for (const [path, token] of cases) {
      const res = await api("GET", path, { token });
      expectProblem(res, 400);
      expectCleanResponse(res, path);
    }
  });

  it("say nothing internal about malformed JSON", async () => {
    const cases: [string, string, string, string | undefined][] = [
      ["POST", "/api/auth/register", '{"email":', undefined],
      ["POST", "/api/categories", "{'name': 1}", admin.token],
      ["PATCH", "/api/me", "[1,2", user.token],
      ["POST", "/api/cart/items", "nul", user.token],
      ["POST", "/api/orders", "{", user.token],
    ];
    for (const [method, path, rawBody, token] of cases) {
      const res = await api(method, path, { rawBody, token });
      expectProblem(res, 400);
      expectCleanResponse(res, `${method} ${path}`);
    }
  });

  it("say nothing about constraints when a unique value is taken", async () => {
    const taken = await createCategory(admin.token);
    const other = await createCategory(admin.token);
    const results = [
      await api("POST", "/api/auth/register", { body: { email: user.email.toUpperCase(), password: USER_PASSWORD } }),
      await api("POST", "/api/categories", { token: admin.token, body: { name: taken.name.toUpperCase() } }),
      // A rename runs into the unique index itself (SQLSTATE 23505), not an ON CONFLICT clause.
      await api("PATCH", `/api/categories/${other.id}`, { token: admin.token, body: { name: taken.name } }),
    ];
    for (const res of results) {
      expectProblem(res, 409);
      expectCleanResponse(res, JSON.stringify(res.body));
      expect(JSON.stringify(res.body)).not.toMatch(/categories_name|users_email|lower\(/i);
    }
    expect((await sql<{ name: string }>("select name from categories where id = $1", [other.id]))[0]!.name).toBe(other.name);
  });

  it("say nothing internal about stock and state conflicts", async () => {
    const product = await createProduct(admin.token, categoryId, { stock: 3 });
    const shopper = await newUser("conflict");
    const results = [
      await api("POST", `/api/products/${product.id}/stock`, { token: admin.token, body: { delta: -1000 } }),
      await api("POST", "/api/cart/items", { token: shopper.token, body: { product_id: product.id, quantity: 4 } }),
      await api("DELETE", `/api/categories/${categoryId}`, { token: admin.token }),
    ];
    expect((await api("POST", "/api/cart/items", { token: shopper.token, body: { product_id: product.id, quantity: 3 } })).status).toBe(200);
    await sql("update products set stock = 1 where id = $1", [product.id]);
    results.push(await api("POST", "/api/orders", { token: shopper.token }));
    for (const res of results) {
      expectProblem(res, 409);
      expectCleanResponse(res, JSON.stringify(res.body));
    }
  });

  it("answer 400, not a database error, to ids beyond the integer range", async () => {
    const cases: [string, string, unknown][] = [
      ["GET", "/api/notifications?after=2147483648", undefined],
      ["GET", "/api/notifications?after=9999999999", undefined],
      ["GET", "/api/orders/9999999999", undefined],
      ["GET", "/api/products?category=9999999999", undefined],
      ["POST", "/api/cart/items", { product_id: 2147483648 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await api(method, path, { token: user.token, body });
      expect(res.status, `${method} ${path}`).toBe(400);
      expectProblem(res, 400);
      expectCleanResponse(res, path);
    }
  });
});

describe("backing service failures, in the response and in the logs", () => {
  it("answers 503 without the connection string when Postgres is unreachable, and logs neither it nor the SQL", async () => {
    const email = uniqueEmail("down");
    const { status, headers, body, lines } = await callCapturing(json("/api/auth/register", { email, password: USER_PASSWORD }), {
      DATABASE_URL: withDatabase({ password: FAKE_DB_PASSWORD, port: "9" }),
    });
    expect(status).toBe(503);
    expectCleanResponse({ status, headers, body }, "503");
    expect(JSON.parse(body)).toMatchObject({ status: 503, type: "urn:problem:service-unavailable" });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(findLeaks(line, { internals: false }), line).toEqual([]);
      expect(line).not.toContain(email);
    }
  });

  it("answers a generic 500 when a statement fails, and logs the driver's reason without the statement or its parameters", async () => {
    // The `postgres` maintenance database has none of the app's tables: the INSERT itself fails,
    // and drizzle's error message would carry the SQL text and every parameter.
    const email = uniqueEmail("nosuchtable");
    const { status, headers, body, lines } = await callCapturing(json("/api/auth/register", { email, password: USER_PASSWORD, name: "Leak Check" }), {
      DATABASE_URL: withDatabase({ database: "postgres" }),
    });
    expect(status).toBe(500);
    expect(JSON.parse(body)).toMatchObject({ status: 500, type: "urn:problem:internal" });
    expectCleanResponse({ status, headers, body }, "500");
    expect(body).not.toMatch(/users|relation|does not exist/i);
    const errorLines = lines.filter((l) => l.includes('"status":500'));
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines[0]).toContain(headers.get("x-request-id")!);
    for (const line of lines) {
      expect(findLeaks(line.replace(/relation \\?"\w+\\?" does not exist/, "<reason>"), { internals: false }), line).toEqual([]);
      expect(line).not.toContain(email);
      expect(line).not.toContain("pbkdf2_sha256$");
      expect(line).not.toContain("Leak Check");
    }
  });

  it("never shows or logs the database password when Postgres refuses it", async () => {
    const { status, headers, body, lines } = await callCapturing(json("/api/auth/login", { email: user.email, password: USER_PASSWORD }, { "cf-connecting-ip": "203.0.113.200" }), {
      DATABASE_URL: withDatabase({ password: FAKE_DB_PASSWORD }),
    });
    expect(status).toBeGreaterThanOrEqual(500);
    expectCleanResponse({ status, headers, body }, String(status));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(findLeaks(line, { internals: false }), line).toEqual([]);
  });

  it("never shows or logs the Upstash token when Redis refuses it, and keeps serving", async () => {
    const overrides = { UPSTASH_REDIS_REST_TOKEN: FAKE_REDIS_TOKEN };
    const read = await callCapturing(new Request(`${BASE}/api/products?page_size=1`), overrides);
    expect(read.status).toBe(200);
    const failedLogin = await callCapturing(json("/api/auth/login", { email: user.email, password: USER_PASSWORD }, { "cf-connecting-ip": "203.0.113.201" }), overrides);
    expect(failedLogin.status).toBe(401);
    const lines = [...read.lines, ...failedLogin.lines];
    expect(lines.length).toBeGreaterThan(0);
    for (const result of [read, failedLogin]) expectCleanResponse(result, String(result.status));
    for (const line of lines) expect(findLeaks(line, { internals: false }), line).toEqual([]);
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, expectProblem, register } from "../helpers/api";
import { sql } from "../helpers/db";
import { redisCommand } from "../helpers/redis";
import { callWorker, POSTGRES_DOWN, REDIS_DOWN } from "../helpers/worker";

/** Calls the Worker with some bindings replaced, as if a backing service were down. */
const fetchWith = (overrides: Partial<typeof env>, path: string) => callWorker(new Request(`http://shop.test${path}`), overrides);

describe("errors are problem+json", () => {
  it("answers an unknown route with 404", async () => {
    const res = await api("GET", "/api/nope");
    expect(expectProblem(res, 404).detail).toContain("/api/nope");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers malformed JSON with 400", async () => {
    const res = await api("POST", "/api/auth/register", { rawBody: '{"email": "a@example.com",' });
    expectProblem(res, 400);
  });

  it("answers a body over 64 KiB with 413 and writes nothing", async () => {
    const email = `big-${crypto.randomUUID()}@example.com`;
    const res = await api("POST", "/api/auth/register", { rawBody: JSON.stringify({ email, password: "p".repeat(100 * 1024) }) });
    expectProblem(res, 413);
    expect(await sql("select id from users where email = $1", [email])).toHaveLength(0);
  });

  it("lists field problems for invalid bodies", async () => {
    const res = await api("POST", "/api/auth/register", { body: { email: "nope", password: 1 } });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["email", "password"]);
  });

  it("sets security headers and CORS for any origin", async () => {
    const res = await api("GET", "/health", { headers: { origin: "https://shop.example" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("backing services", () => {
  it("writes through the Worker land in Postgres and Redis (read back directly)", async () => {
    const { email, user } = await register();
    const [row] = await sql<{ email: string }>("select email from users where id = $1", [user.id]);
    expect(row!.email).toBe(email);
    // A failed login is counted in Redis by the Worker; read the counter with a raw Redis command.
    const res = await api("POST", "/api/auth/login", { body: { email, password: "wrong password" }, headers: { "cf-connecting-ip": "203.0.113.9" } });
    expect(res.status).toBe(401);
    expect(await redisCommand("GET", `login:fail:email:${email}`)).toBe("1");
  });

  it("health answers 503 naming cache when Redis is unreachable, and keeps serving", async () => {
    const res = await fetchWith(REDIS_DOWN, "/health");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 503, db: "ok", cache: "down" });
  });

  it("health answers 503 naming db when Postgres is unreachable", async () => {
    const res = await fetchWith(POSTGRES_DOWN, "/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 503, db: "down", cache: "ok" });
  });

  it("answers 503 problem+json, not 500, when Postgres is down for a normal request", async () => {
    const req = new Request("http://shop.test/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `down-${crypto.randomUUID()}@example.com`, password: "long enough password" }),
    });
    const res = await callWorker(req, POSTGRES_DOWN);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toContain("db");
    expect(JSON.stringify(body)).not.toMatch(/insert|select|stack/i);
  });
});

describe("docs", () => {
  // The reference page at /docs is a static asset now (web/docs.html): test/e2e/docs.e2e.test.ts.
  it("serves an OpenAPI 3.1 document listing the endpoints", async () => {
    const doc = await api("GET", "/api/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(["/health", "/api/auth/login", "/api/me"]));
  });
});

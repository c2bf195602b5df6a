import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { newAdmin } from "../helpers/fixtures";

// Discount codes (admin): codes unique regardless of case, values that fit their kind, dates in
// order, limits positive or none; times_used belongs to the server.

type User = Awaited<ReturnType<typeof newUser>>;
let admin: User;

beforeAll(async () => {
  admin = await newAdmin();
});

const code = (prefix = "CODE") => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const create = (body: Record<string, unknown>, token = admin.token) => api("POST", "/api/admin/discounts", { token, body });
const patch = (id: number, body: Record<string, unknown>) => api("PATCH", `/api/admin/discounts/${id}`, { token: admin.token, body });
const discountRow = async (id: number) => (await sql("select * from discounts where id = $1", [id]))[0];

describe("admin CRUD", () => {
  it("creates a discount in the documented shape, reads, changes and deletes it", async () => {
    const c = code("Spring");
    const created = await create({
      code: c,
      kind: "percent",
      value: 10,
      min_subtotal: "25",
      starts_at: "2026-03-01T00:00:00Z",
      ends_at: "2026-03-31T23:00:00+02:00",
      usage_limit: 100,
      per_customer_limit: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      code: c,
      kind: "percent",
      value: "10.00",
      min_subtotal: "25.00",
      starts_at: "2026-03-01T00:00:00.000Z",
      ends_at: "2026-03-31T21:00:00.000Z",
      usage_limit: 100,
      per_customer_limit: 1,
      active: true,
      times_used: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const id = created.body.id;
    expect((await api("GET", `/api/admin/discounts/${id}`, { token: admin.token })).body).toEqual(created.body);

    const changed = await patch(id, { value: "12.5", usage_limit: null, active: false, ends_at: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, code: c, kind: "percent", value: "12.50", usage_limit: null, active: false, ends_at: null, starts_at: "2026-03-01T00:00:00.000Z" });

    const list = await api("GET", "/api/admin/discounts?page_size=100", { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.count).toBeGreaterThan(0);

    expect((await api("DELETE", `/api/admin/discounts/${id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api("GET", `/api/admin/discounts/${id}`, { token: admin.token }), 404);
    expectProblem(await patch(id, { active: true }), 404);
    expectProblem(await api("DELETE", `/api/admin/discounts/${id}`, { token: admin.token }), 404);
  });

  it("stores 0 for a free_shipping code whatever value is sent, and a fixed amount as money", async () => {
    const free = await create({ code: code("Ship"), kind: "free_shipping", value: "5.00" });
    expect(free.status).toBe(201);
    expect(free.body).toMatchObject({ kind: "free_shipping", value: "0.00", min_subtotal: null, starts_at: null, ends_at: null, usage_limit: null, per_customer_limit: null });
    const fixed = await create({ code: code("Fixed"), kind: "fixed", value: "7.5" });
    expect(fixed.body).toMatchObject({ kind: "fixed", value: "7.50" });
    // Changing the kind to free_shipping zeroes the value; back to fixed needs a value above 0.
    expect((await patch(fixed.body.id, { kind: "free_shipping" })).body).toMatchObject({ kind: "free_shipping", value: "0.00" });
    expect(expectProblem(await patch(fixed.body.id, { kind: "fixed" }), 400).errors?.map((e) => e.path)).toEqual(["value"]);
    expect((await patch(fixed.body.id, { kind: "fixed", value: 3 })).body).toMatchObject({ kind: "fixed", value: "3.00" });
  });

  it("refuses a code that is taken in any case, on create and on change", async () => {
    const c = code("Taken");
    const first = (await create({ code: c, kind: "fixed", value: "1" })).body;
    for (const variant of [c, c.toLowerCase(), c.toUpperCase()]) {
      const problem = expectProblem(await create({ code: variant, kind: "percent", value: "5" }), 409);
      expect(problem.type).toBe("urn:problem:discount-code-taken");
    }
    const other = (await create({ code: code("Other"), kind: "fixed", value: "1" })).body;
    expect(expectProblem(await patch(other.id, { code: c.toLowerCase() }), 409).type).toBe("urn:problem:discount-code-taken");
    expect(await sql("select id from discounts where lower(code) = lower($1)", [c])).toEqual([{ id: first.id }]);
    // Renaming to its own code in another case is fine.
    expect((await patch(first.id, { code: c.toLowerCase() })).body.code).toBe(c.toLowerCase());
  });

  it("refuses values that do not fit the kind, dates out of order, bad codes and limits, and writes nothing", async () => {
    const c = code("Bad");
    const cases: [Record<string, unknown>, string][] = [
      [{ code: c, kind: "percent", value: "0" }, "value"],
      [{ code: c, kind: "percent", value: "100.01" }, "value"],
      [{ code: c, kind: "percent" }, "value"],
      [{ code: c, kind: "fixed", value: 0 }, "value"],
      [{ code: c, kind: "fixed", value: "-1" }, "value"],
      [{ code: c, kind: "fixed", value: "1.001" }, "value"],
      [{ code: c, kind: "bogus", value: "1" }, "kind"],
      [{ code: c, kind: "fixed", value: "1", starts_at: "2026-05-02T00:00:00Z", ends_at: "2026-05-01T00:00:00Z" }, "ends_at"],
      [{ code: c, kind: "fixed", value: "1", starts_at: "2026-05-02T00:00:00Z", ends_at: "2026-05-02T00:00:00Z" }, "ends_at"],
      [{ code: c, kind: "fixed", value: "1", starts_at: "tomorrow" }, "starts_at"],
      [{ code: c, kind: "fixed", value: "1", starts_at: "0000-01-01T00:00:00Z" }, "starts_at"],
      [{ code: c, kind: "fixed", value: "1", ends_at: "2026-01-01T00:00:00" }, "ends_at"],
      [{ code: c, kind: "fixed", value: "1", usage_limit: 0 }, "usage_limit"],
      [{ code: c, kind: "fixed", value: "1", per_customer_limit: 1.5 }, "per_customer_limit"],
      [{ code: c, kind: "fixed", value: "1", usage_limit: 2_000_000_000 }, "usage_limit"],
      [{ code: c, kind: "fixed", value: "1", min_subtotal: "-5" }, "min_subtotal"],
      [{ code: c, kind: "fixed", value: "1", times_used: 0 }, "times_used"],
      [{ code: c, kind: "fixed", value: "1", id: 1 }, "id"],
      [{ code: "has space", kind: "fixed", value: "1" }, "code"],
      [{ code: "", kind: "fixed", value: "1" }, "code"],
      [{ code: "x".repeat(65), kind: "fixed", value: "1" }, "code"],
      [{ code: "ÜBER", kind: "fixed", value: "1" }, "code"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await create(body), 400);
      expect(problem.errors?.map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect(await sql("select id from discounts where lower(code) = lower($1)", [c])).toEqual([]);
  });

  it("checks a change against the stored row and changes nothing when it does not fit", async () => {
    const percent = (await create({ code: code("Pct"), kind: "percent", value: "50", starts_at: "2026-06-01T00:00:00Z", ends_at: "2026-07-01T00:00:00Z" })).body;
    const before = await discountRow(percent.id);
    expect(expectProblem(await patch(percent.id, { value: "150" }), 400).errors).toEqual([{ path: "value", message: expect.any(String) }]);
    expect(expectProblem(await patch(percent.id, { ends_at: "2026-05-01T00:00:00Z" }), 400).errors).toEqual([{ path: "ends_at", message: expect.any(String) }]);
    expect(expectProblem(await patch(percent.id, { starts_at: "2026-08-01T00:00:00Z" }), 400).errors).toEqual([{ path: "ends_at", message: expect.any(String) }]);
    for (const body of [{}, { times_used: 5 }, { kind: "percent", value: "0" }, { code: "no spaces" }]) {
      expectProblem(await patch(percent.id, body), 400);
    }
    expect(await discountRow(percent.id)).toEqual(before);
    // Within the rules both ways.
    expect((await patch(percent.id, { value: 100, starts_at: null })).body).toMatchObject({ value: "100.00", starts_at: null, ends_at: "2026-07-01T00:00:00.000Z" });
  });

  it("refuses a usage_limit below the uses so far with 409, and keeps times_used the server's", async () => {
    const d = (await create({ code: code("Used"), kind: "fixed", value: "2", usage_limit: 10 })).body;
    await sql("update discounts set times_used = 4 where id = $1", [d.id]);
    const problem = expectProblem(await patch(d.id, { usage_limit: 3 }), 409);
    expect(problem.type).toBe("urn:problem:usage-limit-below-uses");
    expect((await discountRow(d.id))!.usage_limit).toBe(10);
    expect((await patch(d.id, { usage_limit: 4 })).body).toMatchObject({ usage_limit: 4, times_used: 4 });
  });

  it("answers 401 to anonymous callers and 403 to ordinary users, and changes nothing", async () => {
    const user = await newUser("plain");
    const d = (await create({ code: code("Guard"), kind: "fixed", value: "2" })).body;
    const before = await discountRow(d.id);
    const intruder = code("Intruder");
    const routes: [string, string, unknown][] = [
      ["GET", "/api/admin/discounts", undefined],
      ["GET", `/api/admin/discounts/${d.id}`, undefined],
      ["POST", "/api/admin/discounts", { code: intruder, kind: "percent", value: "100" }],
      ["PATCH", `/api/admin/discounts/${d.id}`, { value: "1000" }],
      ["DELETE", `/api/admin/discounts/${d.id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await api(method, path, { body }), 401);
      expectProblem(await api(method, path, { token: user.token, body }), 403);
    }
    expect(await discountRow(d.id)).toEqual(before);
    expect(await sql("select id from discounts where code = $1", [intruder])).toEqual([]);
  });

  it("each admin request is one round trip to Postgres, the admin check included", async () => {
    const res = await create({ code: code("Trip"), kind: "percent", value: "5" });
    expect(res.headers.get("x-db-round-trips")).toBe("1");
    const changed = await patch(res.body.id, { value: "500" });
    expectProblem(changed, 400);
    expect(changed.headers.get("x-db-round-trips")).toBe("1");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { newAdmin } from "../helpers/fixtures";

// Tax rates (admin): one per country and region (region compared case-insensitively; none = the
// whole country), a percentage with two decimals from 0 to 100.

type User = Awaited<ReturnType<typeof newUser>>;
let admin: User;
/** Each test writes rates for a region of its own, so files and reruns never collide. */
const region = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  admin = await newAdmin();
});

const create = (body: Record<string, unknown>, token = admin.token) => api("POST", "/api/admin/tax-rates", { token, body });

describe("admin CRUD", () => {
  it("creates, reads, changes and deletes a rate; rate is a two-decimal percentage", async () => {
    const r = region("Bavaria");
    const created = await create({ country: "de", region: r, rate: 19 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(Number), country: "DE", region: r, rate: "19.00", created_at: expect.any(String), updated_at: expect.any(String) });
    const id = created.body.id;
    expect((await api("GET", `/api/admin/tax-rates/${id}`, { token: admin.token })).body).toEqual(created.body);
    const patched = await api("PATCH", `/api/admin/tax-rates/${id}`, { token: admin.token, body: { rate: "7.5" } });
    expect(patched.body).toMatchObject({ id, country: "DE", region: r, rate: "7.50" });
    const listed = await api("GET", "/api/admin/tax-rates?country=DE&page_size=100", { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.results.every((t: { country: string }) => t.country === "DE")).toBe(true);
    expect(listed.body.results.find((t: { id: number }) => t.id === id)).toMatchObject({ rate: "7.50" });
    expect((await api("DELETE", `/api/admin/tax-rates/${id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api("GET", `/api/admin/tax-rates/${id}`, { token: admin.token }), 404);
    expectProblem(await api("DELETE", `/api/admin/tax-rates/${id}`, { token: admin.token }), 404);
  });

  it("a rate without region is the whole country's: region null in, null out", async () => {
    // A far-off country no other test taxes as a whole.
    const [free] = await sql<{ code: string }>("select c as code from unnest(array['BV','HM','TF','UM','GS','AQ']) c where not exists (select 1 from tax_rates where country = c and region = '') limit 1");
    const code = free!.code;
    const created = await create({ country: code, region: null, rate: "0" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: code, region: null, rate: "0.00" });
    const duplicate = expectProblem(await create({ country: code.toLowerCase(), rate: 5 }), 409);
    expect(duplicate.type).toBe("urn:problem:tax-rate-exists");
    await api("DELETE", `/api/admin/tax-rates/${created.body.id}`, { token: admin.token });
  });

  it("refuses a second rate for the same country and region, whatever the region's case, on create and on change", async () => {
    const r = region("Tyrol");
    const first = (await create({ country: "AT", region: r, rate: "20.00" })).body;
    const duplicate = expectProblem(await create({ country: "at", region: r.toUpperCase(), rate: "10" }), 409);
    expect(duplicate.type).toBe("urn:problem:tax-rate-exists");
    const other = (await create({ country: "AT", region: `${r} East`, rate: "10" })).body;
    const moved = expectProblem(await api("PATCH", `/api/admin/tax-rates/${other.id}`, { token: admin.token, body: { region: r.toLowerCase() } }), 409);
    expect(moved.type).toBe("urn:problem:tax-rate-exists");
    expect(await sql("select rate::text as rate from tax_rates where id = any($1) order by id", [[first.id, other.id]])).toEqual([{ rate: "20.00" }, { rate: "10.00" }]);
  });

  it("refuses bad rates, countries and fields, and changes nothing", async () => {
    const r = region("Bad");
    for (const [body, path] of [
      [{ country: "DE", region: r, rate: "100.01" }, "rate"],
      [{ country: "DE", region: r, rate: -1 }, "rate"],
      [{ country: "DE", region: r, rate: "1.234" }, "rate"],
      [{ country: "DE", region: r, rate: "abc" }, "rate"],
      [{ country: "XX", region: r, rate: "1" }, "country"],
      [{ country: "DE", region: "r".repeat(101), rate: "1" }, "region"],
      [{ country: "DE", region: r, rate: "1", id: 3 }, "id"],
    ] as [Record<string, unknown>, string][]) {
      expect(expectProblem(await create(body), 400).errors?.map((e) => e.path), JSON.stringify(body)).toContain(path);
    }
    expect(await sql("select id from tax_rates where region = $1", [r])).toEqual([]);
    const rate = (await create({ country: "DE", region: r, rate: "100" })).body;
    expect(rate.rate).toBe("100.00");
    for (const body of [{}, { rate: "101" }, { country: "ZZ" }]) {
      expectProblem(await api("PATCH", `/api/admin/tax-rates/${rate.id}`, { token: admin.token, body }), 400);
    }
    expect((await api("GET", `/api/admin/tax-rates/${rate.id}`, { token: admin.token })).body).toEqual(rate);
  });

  it("answers 401 to anonymous callers and 403 to ordinary users, and changes nothing", async () => {
    const user = await newUser("plain");
    const r = region("Guarded");
    const rate = (await create({ country: "FR", region: r, rate: "20" })).body;
    const routes: [string, string, unknown][] = [
      ["GET", "/api/admin/tax-rates", undefined],
      ["GET", `/api/admin/tax-rates/${rate.id}`, undefined],
      ["POST", "/api/admin/tax-rates", { country: "FR", region: `${r} 2`, rate: "1" }],
      ["PATCH", `/api/admin/tax-rates/${rate.id}`, { rate: "0" }],
      ["DELETE", `/api/admin/tax-rates/${rate.id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await api(method, path, { body }), 401);
      expectProblem(await api(method, path, { token: user.token, body }), 403);
    }
    expect((await api("GET", `/api/admin/tax-rates/${rate.id}`, { token: admin.token })).body).toEqual(rate);
    expect(await sql("select id from tax_rates where region = $1", [`${r} 2`])).toEqual([]);
  });
});

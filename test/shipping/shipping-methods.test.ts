import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { newAdmin } from "../helpers/fixtures";

// Shipping methods: anyone lists the active ones that ship to a country, cheapest first; admins
// create, change and delete them. Other test files may add methods too, so lists are checked for
// this file's own methods, and the methods it makes ship only to far-off places (Antarctica, remote
// islands), so that no other file's "cheapest method for DE" meets them.

type User = Awaited<ReturnType<typeof newUser>>;
let admin: User;
const tag = crypto.randomUUID().slice(0, 8);

beforeAll(async () => {
  admin = await newAdmin();
});

const create = (body: Record<string, unknown>, token = admin.token) => api("POST", "/api/admin/shipping-methods", { token, body });
const methodRow = async (id: number) => (await sql("select name, price, free_over, countries, active, updated_at from shipping_methods where id = $1", [id]))[0];

async function offeredIn(country: string): Promise<{ id: number; name: string; price: string }[]> {
  const res = await api("GET", `/api/shipping-methods?country=${country}&page_size=100`);
  expect(res.status).toBe(200);
  return res.body.results.filter((m: { name: string }) => m.name.endsWith(tag));
}

describe("admin CRUD", () => {
  it("creates a method, normalising and deduplicating countries, and reads, changes and deletes it", async () => {
    const created = await create({ name: `Standard ${tag}`, price: 4.9, free_over: "50", countries: ["aq", "BV", "AQ", "bv"] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: `Standard ${tag}`,
      price: "4.90",
      free_over: "50.00",
      countries: ["AQ", "BV"],
      active: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const id = created.body.id;
    expect((await api("GET", `/api/admin/shipping-methods/${id}`, { token: admin.token })).body).toEqual(created.body);

    const patched = await api("PATCH", `/api/admin/shipping-methods/${id}`, { token: admin.token, body: { price: "5", free_over: null, countries: ["hm"], active: false } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: `Standard ${tag}`, price: "5.00", free_over: null, countries: ["HM"], active: false });

    const list = await api("GET", "/api/admin/shipping-methods?page_size=100", { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.results.find((m: { id: number }) => m.id === id)).toMatchObject({ active: false });

    expect((await api("DELETE", `/api/admin/shipping-methods/${id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api("GET", `/api/admin/shipping-methods/${id}`, { token: admin.token }), 404);
    expectProblem(await api("PATCH", `/api/admin/shipping-methods/${id}`, { token: admin.token, body: { price: "1" } }), 404);
    expectProblem(await api("DELETE", `/api/admin/shipping-methods/${id}`, { token: admin.token }), 404);
  });

  it("refuses bad bodies and changes nothing", async () => {
    const name = `Refused ${tag}`;
    const valid = { name, price: "3.00", countries: ["AQ"] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, price: "-1" }, "price"],
      [{ ...valid, price: "1.234" }, "price"],
      [{ ...valid, free_over: "abc" }, "free_over"],
      [{ ...valid, countries: [] }, "countries"],
      [{ ...valid, countries: ["AQ", "XX"] }, "countries.1"],
      [{ ...valid, countries: Array.from({ length: 250 }, () => "AQ") }, "countries"],
      [{ ...valid, name: "" }, "name"],
      [{ ...valid, name: "n".repeat(201) }, "name"],
      [{ ...valid, name: "Nul\u0000" }, "name"],
      [{ ...valid, id: 1 }, "id"],
      [{ ...valid, created_at: "2000-01-01T00:00:00Z" }, "created_at"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await create(body), 400);
      expect(problem.errors?.map((e) => e.path), path).toContain(path);
    }
    expect(await sql("select id from shipping_methods where name = $1", [name])).toEqual([]);

    const method = (await create(valid)).body;
    const before = await methodRow(method.id);
    for (const body of [{}, { price: "x" }, { countries: ["ZZ"] }, { active: "no" }, { times_used: 1 }]) {
      expectProblem(await api("PATCH", `/api/admin/shipping-methods/${method.id}`, { token: admin.token, body }), 400);
    }
    expect(await methodRow(method.id)).toEqual(before);
  });

  it("answers 401 to anonymous callers and 403 to ordinary users, and changes nothing", async () => {
    const user = await newUser("plain");
    const method = (await create({ name: `Guarded ${tag}`, price: "1.00", countries: ["AQ"] })).body;
    const before = await methodRow(method.id);
    const routes: [string, string, unknown][] = [
      ["GET", "/api/admin/shipping-methods", undefined],
      ["GET", `/api/admin/shipping-methods/${method.id}`, undefined],
      ["POST", "/api/admin/shipping-methods", { name: `Intruder ${tag}`, price: "0.00", countries: ["AQ"] }],
      ["PATCH", `/api/admin/shipping-methods/${method.id}`, { price: "0.00" }],
      ["DELETE", `/api/admin/shipping-methods/${method.id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      expectProblem(await api(method, path, { body }), 401);
      expectProblem(await api(method, path, { token: user.token, body }), 403);
    }
    expect(await methodRow(method.id)).toEqual(before);
    expect(await sql("select id from shipping_methods where name = $1", [`Intruder ${tag}`])).toEqual([]);
  });

  it("each admin write is one round trip to Postgres, the admin check included", async () => {
    const res = await create({ name: `Trip ${tag}`, price: "1.00", countries: ["AQ"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-db-round-trips")).toBe("1");
  });
});

describe("GET /api/shipping-methods?country=", () => {
  it("lists the active methods that ship there, cheapest first, in the public shape", async () => {
    const express = (await create({ name: `Express ${tag}`, price: "12.00", countries: ["GL", "IS"] })).body;
    const economy = (await create({ name: `Economy ${tag}`, price: "2.50", free_over: "30.00", countries: ["IS"] })).body;
    const standard = (await create({ name: `Standard ${tag}`, price: "5.00", countries: ["IS", "FO"] })).body;
    await create({ name: `Retired ${tag}`, price: "1.00", countries: ["IS"], active: false });
    await create({ name: `Elsewhere ${tag}`, price: "0.50", countries: ["GL"] });

    const res = await api("GET", "/api/shipping-methods?country=is&page_size=100");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ next: null, previous: null, next_cursor: null });
    const mine = res.body.results.filter((m: { name: string }) => m.name.endsWith(tag));
    expect(mine).toEqual([
      { id: economy.id, name: `Economy ${tag}`, price: "2.50", free_over: "30.00", countries: ["IS"] },
      { id: standard.id, name: `Standard ${tag}`, price: "5.00", free_over: null, countries: ["FO", "IS"] },
      { id: express.id, name: `Express ${tag}`, price: "12.00", free_over: null, countries: ["GL", "IS"] },
    ]);
    const prices = res.body.results.map((m: { price: string }) => Number(m.price));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect((await offeredIn("GL")).map((m) => m.name)).toEqual([`Elsewhere ${tag}`, `Express ${tag}`]);
    // Deactivating takes a method off the list at once.
    await api("PATCH", `/api/admin/shipping-methods/${economy.id}`, { token: admin.token, body: { active: false } });
    expect((await offeredIn("IS")).map((m) => m.id)).toEqual([standard.id, express.id]);
  });

  it("pages by cursor in price order", async () => {
    for (const price of ["7.00", "7.00", "8.00"]) await create({ name: `Paged ${tag}`, price, countries: ["PN"] });
    const seen: string[] = [];
    let url = "/api/shipping-methods?country=PN&page_size=1";
    for (let i = 0; i < 50 && url; i++) {
      const page = await api("GET", url);
      expect(page.status).toBe(200);
      seen.push(...page.body.results.filter((m: { name: string }) => m.name === `Paged ${tag}`).map((m: { price: string }) => m.price));
      url = page.body.next_cursor ? `/api/shipping-methods?country=PN&page_size=1&cursor=${encodeURIComponent(page.body.next_cursor)}` : "";
    }
    expect(seen).toEqual(["7.00", "7.00", "8.00"]);
  });

  it("needs a known country: missing or unknown is 400", async () => {
    expect(expectProblem(await api("GET", "/api/shipping-methods"), 400).errors?.map((e) => e.path)).toEqual(["country"]);
    for (const code of ["XX", "deu", "", "1"]) {
      const problem = expectProblem(await api("GET", `/api/shipping-methods?country=${code}`), 400);
      expect(problem.errors?.map((e) => e.path), code).toEqual(["country"]);
    }
    expect(expectProblem(await api("GET", "/api/shipping-methods?country=zz"), 400).errors?.[0]?.message).toMatch(/^Unknown country code/);
  });
});

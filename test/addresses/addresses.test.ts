import { describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { queuedBehindLock, sql } from "../helpers/db";

// The address book: at most 20 per user (also under simultaneous adds), exactly one default while
// there are addresses, country codes checked, another user's addresses invisible (404).

const LIMIT = 20;

const home = { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postal_code: "SW1Y 4JH", country: "gb" };

const add = (token: string, body: Record<string, unknown> = home) => api("POST", "/api/me/addresses", { token, body });
const rows = (userId: number) =>
  sql<{ id: number; is_default: boolean; name: string; country: string }>("select id, is_default, name, country from addresses where user_id = $1 order by id", [userId]);
const defaults = async (userId: number) => (await rows(userId)).filter((r) => r.is_default).map((r) => r.id);

/** A user whose book already holds `n` addresses, written in SQL (the first one the default). */
async function userWithAddresses(n: number) {
  const user = await newUser("book");
  await sql(
    "insert into addresses (user_id, name, line1, city, country, is_default) select $1, 'Filler ' || g, 'Line', 'City', 'DE', g = 1 from generate_series(1, $2) g",
    [user.id, n],
  );
  return user;
}

describe("POST /api/me/addresses", () => {
  it("creates an address in the documented shape, upper-casing the country and filling absent lines with \"\"", async () => {
    const user = await newUser("addr");
    const res = await add(user.token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: "Ada Lovelace",
      line1: "12 St James's Square",
      line2: "",
      city: "London",
      region: "",
      postal_code: "SW1Y 4JH",
      country: "GB",
      phone: "",
      is_default: true,
    });
    const got = await api("GET", `/api/me/addresses/${res.body.id}`, { token: user.token });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it("refuses an unknown country code, missing or overlong fields and unknown fields, and stores nothing", async () => {
    const user = await newUser("addr");
    const cases: [Record<string, unknown>, string][] = [
      [{ ...home, country: "XX" }, "country"],
      [{ ...home, country: "UK" }, "country"],
      [{ ...home, country: "DEU" }, "country"],
      [{ ...home, country: 49 }, "country"],
      [{ ...home, name: "" }, "name"],
      [{ ...home, name: "n".repeat(201) }, "name"],
      [{ ...home, line1: "l".repeat(201) }, "line1"],
      [{ ...home, city: undefined }, "city"],
      [{ ...home, postal_code: "1".repeat(21) }, "postal_code"],
      [{ ...home, phone: "1".repeat(41) }, "phone"],
      [{ ...home, region: "r".repeat(101) }, "region"],
      [{ ...home, name: "Ada\u0000" }, "name"],
      [{ ...home, line2: "Flat\n2" }, "line2"],
      [{ ...home, user_id: 1 }, "user_id"],
      [{ ...home, id: 5 }, "id"],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await add(user.token, body), 400);
      expect(problem.errors?.map((e) => e.path), JSON.stringify(body).slice(0, 80)).toContain(path);
    }
    const unknown = expectProblem(await add(user.token, { ...home, country: "zz" }), 400);
    expect(unknown.errors).toEqual([{ path: "country", message: expect.stringMatching(/^Unknown country code "zz"/) }]);
    expect(await rows(user.id)).toEqual([]);
  });

  it("makes the first address the default and moves the default when a new one asks for it", async () => {
    const user = await newUser("addr");
    const first = (await add(user.token, { ...home, is_default: false })).body;
    expect(first.is_default).toBe(true);
    const second = (await add(user.token, { ...home, name: "Second" })).body;
    expect(second.is_default).toBe(false);
    const third = (await add(user.token, { ...home, name: "Third", is_default: true })).body;
    expect(third.is_default).toBe(true);
    expect(await defaults(user.id)).toEqual([third.id]);
    const list = await api("GET", "/api/me/addresses", { token: user.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ count: 3, next: null, previous: null, next_cursor: null });
    // The default first, then the newest.
    expect(list.body.results.map((a: { id: number }) => a.id)).toEqual([third.id, second.id, first.id]);
  });

  it(`refuses the ${LIMIT + 1}st address with 409 address-limit`, async () => {
    const user = await userWithAddresses(LIMIT);
    const problem = expectProblem(await add(user.token), 409);
    expect(problem.type).toBe("urn:problem:address-limit");
    expect(await rows(user.id)).toHaveLength(LIMIT);
    // Room again after a delete.
    const [oldest] = await rows(user.id);
    expect((await api("DELETE", `/api/me/addresses/${oldest!.id}`, { token: user.token })).status).toBe(204);
    expect((await add(user.token)).status).toBe(201);
    expect(await rows(user.id)).toHaveLength(LIMIT);
  });

  it(`holds the limit for 5 simultaneous adds at ${LIMIT - 2}: exactly 2 succeed`, async () => {
    const user = await userWithAddresses(LIMIT - 2);
    const results = await queuedBehindLock("select 1 from users where id = $1 for update", [user.id], () =>
      Array.from({ length: 5 }, (_, i) => add(user.token, { ...home, name: `Racer ${i}`, is_default: true })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409]);
    for (const res of results.filter((r) => r.status === 409)) expect(expectProblem(res, 409).type).toBe("urn:problem:address-limit");
    expect(await rows(user.id)).toHaveLength(LIMIT);
    expect(await defaults(user.id)).toHaveLength(1);
  });

  it("keeps one default when several adds ask for it at once", async () => {
    const user = await newUser("addr");
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => add(user.token, { ...home, name: `Default ${i}`, is_default: true })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await defaults(user.id)).toHaveLength(1);
  });

  it("is one round trip to Postgres", async () => {
    const user = await newUser("addr");
    const res = await add(user.token);
    expect(res.headers.get("x-db-round-trips")).toBe("1");
  });
});

describe("PATCH /api/me/addresses/{id}", () => {
  it("changes only the fields sent, null clears an optional line, and is_default moves the default", async () => {
    const user = await newUser("addr");
    const a = (await add(user.token, { ...home, line2: "Flat 2", phone: "+44 20 7946 0000" })).body;
    const b = (await add(user.token, { ...home, name: "Other" })).body;
    const patched = await api("PATCH", `/api/me/addresses/${b.id}`, { token: user.token, body: { city: "Bath", country: "ie", is_default: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...b, city: "Bath", country: "IE", is_default: true });
    expect(await defaults(user.id)).toEqual([b.id]);
    const cleared = await api("PATCH", `/api/me/addresses/${a.id}`, { token: user.token, body: { line2: null, phone: null } });
    expect(cleared.body).toEqual({ ...a, line2: "", phone: "", is_default: false });
    // false on the default changes nothing: a book with addresses always has a default.
    const kept = await api("PATCH", `/api/me/addresses/${b.id}`, { token: user.token, body: { is_default: false } });
    expect(kept.body.is_default).toBe(true);
    expect(await defaults(user.id)).toEqual([b.id]);
  });

  it("refuses bad fields and changes nothing", async () => {
    const user = await newUser("addr");
    const a = (await add(user.token)).body;
    for (const body of [{}, { country: "QQ" }, { name: "" }, { is_default: "yes" }, { city: "x".repeat(201) }, { user_id: 1 }]) {
      expectProblem(await api("PATCH", `/api/me/addresses/${a.id}`, { token: user.token, body }), 400);
    }
    expect((await api("GET", `/api/me/addresses/${a.id}`, { token: user.token })).body).toEqual(a);
  });
});

describe("DELETE /api/me/addresses/{id}", () => {
  it("deleting the default makes the most recently added remaining address the default", async () => {
    const user = await newUser("addr");
    const a = (await add(user.token)).body;
    const b = (await add(user.token, { ...home, name: "B" })).body;
    const c = (await add(user.token, { ...home, name: "C" })).body;
    expect(a.is_default).toBe(true);
    expect((await api("DELETE", `/api/me/addresses/${a.id}`, { token: user.token })).status).toBe(204);
    expect(await defaults(user.id)).toEqual([c.id]);
    // Deleting one that is not the default leaves the default alone.
    expect((await api("DELETE", `/api/me/addresses/${b.id}`, { token: user.token })).status).toBe(204);
    expect(await defaults(user.id)).toEqual([c.id]);
    expect((await api("DELETE", `/api/me/addresses/${c.id}`, { token: user.token })).status).toBe(204);
    expect(await rows(user.id)).toEqual([]);
    expectProblem(await api("DELETE", `/api/me/addresses/${c.id}`, { token: user.token }), 404);
  });
});

describe("another user's addresses", () => {
  it("are 404 to read, change and delete, exactly like missing ones, and stay as they were", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const theirs = (await add(alice.token)).body;
    const before = await rows(alice.id);
    for (const [method, body] of [["GET"], ["PATCH", { city: "Elsewhere", is_default: true }], ["DELETE"]] as const) {
      const res = await api(method, `/api/me/addresses/${theirs.id}`, { token: bob.token, body });
      const missing = await api(method, "/api/me/addresses/999999999", { token: bob.token, body });
      expectProblem(res, 404);
      expect(res.body).toEqual(missing.body);
    }
    expect(await rows(alice.id)).toEqual(before);
    const list = await api("GET", "/api/me/addresses", { token: bob.token });
    expect(list.body).toMatchObject({ count: 0, results: [] });
  });

  it("need a token", async () => {
    expectProblem(await api("GET", "/api/me/addresses"), 401);
    expectProblem(await add(""), 401);
  });
});

describe("GET /api/me/addresses", () => {
  it("pages with page_size and cursors", async () => {
    const user = await userWithAddresses(5);
    const first = await api("GET", "/api/me/addresses?page_size=2", { token: user.token });
    expect(first.body.count).toBe(5);
    expect(first.body.results).toHaveLength(2);
    expect(first.body.results[0].is_default).toBe(true);
    const seen: number[] = first.body.results.map((a: { id: number }) => a.id);
    let cursor: string | null = first.body.next_cursor;
    while (cursor) {
      const page = await api("GET", `/api/me/addresses?page_size=2&cursor=${encodeURIComponent(cursor)}`, { token: user.token });
      expect(page.status).toBe(200);
      seen.push(...page.body.results.map((a: { id: number }) => a.id));
      cursor = page.body.next_cursor;
    }
    expect(seen.sort()).toEqual((await rows(user.id)).map((r) => r.id).sort());
  });
});

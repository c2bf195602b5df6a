import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

let admin: Awaited<ReturnType<typeof newAdmin>>;

beforeAll(async () => {
  admin = await newAdmin();
});

describe("categories", () => {
  it("lets an admin create, read, rename and delete a category", async () => {
    const name = `Lamps ${crypto.randomUUID()}`;
    const created = await api("POST", "/api/categories", { token: admin.token, body: { name, description: "Light" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, description: "Light" });
    const id = created.body.id;
    expect((await api("GET", `/api/categories/${id}`)).body.name).toBe(name);
    const renamed = await api("PATCH", `/api/categories/${id}`, { token: admin.token, body: { name: `${name} 2` } });
    expect(renamed.status).toBe(200);
    expect((await api("GET", `/api/categories/${id}`)).body.name).toBe(`${name} 2`);
    expect((await api("DELETE", `/api/categories/${id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api("GET", `/api/categories/${id}`), 404);
  });

  it("refuses writes from anonymous (401) and ordinary users (403)", async () => {
    const user = await newUser();
    expectProblem(await api("POST", "/api/categories", { body: { name: "x" } }), 401);
    expectProblem(await api("POST", "/api/categories", { token: user.token, body: { name: "x" } }), 403);
    const cat = await createCategory(admin.token);
    expectProblem(await api("DELETE", `/api/categories/${cat.id}`, { token: user.token }), 403);
    expect((await api("GET", `/api/categories/${cat.id}`)).status).toBe(200);
  });

  it("refuses a duplicate name in any case with 409", async () => {
    const cat = await createCategory(admin.token);
    expectProblem(await api("POST", "/api/categories", { token: admin.token, body: { name: cat.name.toUpperCase() } }), 409);
  });

  it("refuses to delete a category that products reference", async () => {
    const cat = await createCategory(admin.token);
    await createProduct(admin.token, cat.id);
    expectProblem(await api("DELETE", `/api/categories/${cat.id}`, { token: admin.token }), 409);
    expect(await sql("select id from categories where id = $1", [cat.id])).toHaveLength(1);
  });

  it.each([
    ["empty name", { name: "" }],
    ["long name", { name: "x".repeat(101) }],
    ["wrong type", { name: 5 }],
    ["unknown field", { name: "ok", id: 3 }],
  ])("rejects %s with 400", async (_n, body) => {
    expectProblem(await api("POST", "/api/categories", { token: admin.token, body }), 400);
  });

  it("lists categories ordered by name with pagination links", async () => {
    const res = await api("GET", "/api/categories?page_size=2");
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeLessThanOrEqual(2);
    const names = res.body.results.map((c: { name: string }) => c.name);
    expect([...names].sort()).toEqual(names);
    if (res.body.count > 2) expect(res.body.next).toMatch(/^http.*page=2/);
    expect(res.body.previous).toBeNull();
  });
});

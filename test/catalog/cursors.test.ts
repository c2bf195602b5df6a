import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem } from "../helpers/api";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

// A cursor is bound to the list, filters and ordering it was issued for, and signed: one from
// another query, or one the client made up, is a 400 invalid-cursor, never a page of something else.

let categoryId: number;
let otherCategoryId: number;

beforeAll(async () => {
  const admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  otherCategoryId = (await createCategory(admin.token)).id;
  for (let i = 0; i < 5; i++) {
    await createProduct(admin.token, categoryId, { name: `Cursor ${i}`, price: `${i + 1}.00`, stock: i % 2 });
    await createProduct(admin.token, otherCategoryId, { name: `Cursor other ${i}`, price: `${i + 1}.00` });
  }
});

const products = (query: string) => api("GET", `/api/products?${query}`);

/** The next_cursor of the first page of `query` (two rows a page). */
async function cursorOf(query: string): Promise<string> {
  const res = await products(`${query}&page_size=2`);
  expect(res.status).toBe(200);
  expect(res.body.next_cursor).toEqual(expect.any(String));
  return res.body.next_cursor;
}

function expectInvalidCursor(res: Awaited<ReturnType<typeof products>>) {
  const problem = expectProblem(res, 400);
  expect(problem.type).toBe("urn:problem:invalid-cursor");
  expect(problem.errors?.map((e) => e.path)).toEqual(["cursor"]);
}

const b64 = (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

describe("cursors", () => {
  it("are accepted by the query they came from, however it is spelt", async () => {
    const cursor = encodeURIComponent(await cursorOf(`category=${categoryId}&ordering=price&min_price=1`));
    const same = await products(`min_price=1.00&ordering=price&category=${categoryId}&page_size=2&cursor=${cursor}`);
    expect(same.status).toBe(200);
    expect(same.body.results.map((p: { name: string }) => p.name)).toEqual(["Cursor 2", "Cursor 3"]);
  });

  it.each([
    ["another ordering", (c: number) => `category=${c}&ordering=-price&min_price=1`],
    ["another category", (_c: number) => `category=${otherCategoryId}&ordering=price&min_price=1`],
    ["a filter added", (c: number) => `category=${c}&ordering=price&min_price=1&in_stock=true`],
    ["a filter removed", (c: number) => `category=${c}&ordering=price`],
    ["another price", (c: number) => `category=${c}&ordering=price&min_price=2`],
    ["a search added", (c: number) => `category=${c}&ordering=price&min_price=1&search=cursor`],
  ])("are refused with %s", async (_what, other) => {
    const cursor = encodeURIComponent(await cursorOf(`category=${categoryId}&ordering=price&min_price=1`));
    expectInvalidCursor(await products(`${other(categoryId)}&page_size=2&cursor=${cursor}`));
  });

  it("from the product list are refused by the category list, and the other way round", async () => {
    const fromProducts = await cursorOf(`category=${categoryId}`);
    expectInvalidCursor(await api("GET", `/api/categories?cursor=${encodeURIComponent(fromProducts)}`));
    const categories = await api("GET", "/api/categories?page_size=1");
    const fromCategories: string = categories.body.next_cursor;
    expect(fromCategories).toEqual(expect.any(String));
    expectInvalidCursor(await products(`cursor=${encodeURIComponent(fromCategories)}`));
  });

  it("that were forged or altered are refused", async () => {
    const query = `category=${categoryId}&ordering=price`;
    const real = await cursorOf(query);
    const [payload, signature] = real.split(".") as [string, string];
    const decoded = JSON.parse(atob(payload.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>;
    // The same position moved (a later id), re-encoded with the old signature.
    const moved = `${b64(JSON.stringify({ ...decoded, id: Number(decoded.id) + 1000 }))}.${signature}`;
    // A well-formed cursor for this very query, signed with a made-up key.
    const unsigned = `${b64(JSON.stringify(decoded))}.${b64("not the server's signature, 32 b")}`;
    for (const forged of [moved, unsigned, `${payload}.`, payload, `${real}.extra`, "x".repeat(2048), "%%%", "a.b"]) {
      expectInvalidCursor(await products(`${query}&page_size=2&cursor=${encodeURIComponent(forged)}`));
    }
  });
});

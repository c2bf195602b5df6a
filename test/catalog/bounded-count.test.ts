import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, newAdmin } from "../helpers/fixtures";

// A list counts at most 10,001 matching rows; beyond 10,000 it reports the planner's estimate
// (count_estimated: true). The rows live in this file's own category, inserted and removed here, so
// other test files never see them in their own categories.

// Far enough past 10,001 that an answer stuck at the bound is not a sane estimate (50% off).
const ROWS = 25_000;
let categoryId: number;

beforeAll(async () => {
  const admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  // Bulk 1 … Bulk 25000: price (n % 100) + 0.50, every tenth out of stock. In chunks, each well
  // inside the database's 800 ms statement_timeout.
  for (let from = 1; from <= ROWS; from += 2500) {
    await sql(
      `insert into products (name, description, price, stock, category_id)
       select 'Bulk ' || g, '', (g % 100) + 0.50, case when g % 10 = 0 then 0 else 5 end, $1
       from generate_series($2::int, $3::int) g`,
      [categoryId, from, Math.min(from + 2499, ROWS)],
    );
  }
  // The estimate is the planner's: give it statistics that know these rows.
  await sql("analyze products");
}, 60_000);

afterAll(async () => {
  await sql("delete from products where category_id = $1", [categoryId]);
  await sql("delete from categories where id = $1", [categoryId]);
});

const list = (query: string) => api("GET", `/api/products?category=${categoryId}${query ? `&${query}` : ""}`);

describe("bounded counts", () => {
  it.each([
    ["every row of the category", "", ROWS],
    ["in_stock=true", "in_stock=true", (ROWS * 9) / 10],
  ])("beyond 10,000 (%s) the count is the planner's estimate, flagged", async (_what, query, truth) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(res.body.count_estimated).toBe(true);
    expect(res.body.count).toBeGreaterThanOrEqual(10_001);
    expect(Math.abs(res.body.count - truth)).toBeLessThanOrEqual(truth / 2);
    expect(res.body.results).toHaveLength(10);
    expect(res.body.next).toMatch(/page=2/);
  });

  it.each([
    ["in_stock=false", "in_stock=false", ROWS / 10],
    ["max_price=10.00", "max_price=10.00", (ROWS * 10) / 100],
    ["search=bulk 11 (Bulk 11, 110–119, 1100–1199, 11000–11999)", "search=bulk%2011", 1 + 10 + 100 + 1000],
    ["search=bu (a prefix every name has)", "search=bu&max_price=5.00", (ROWS * 5) / 100],
  ])("up to 10,000 (%s) the count is exact", async (_what, query, exact) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(res.body.count_estimated).toBe(false);
    expect(res.body.count).toBe(exact);
  });

  it("the deepest page number (page × page_size = 10,000) is served, and its next link is a cursor", async () => {
    const expected = await sql<{ id: number }>("select id from products where category_id = $1 order by id offset 9990 limit 20", [categoryId]);
    const deepest = await list("page=1000");
    expect(deepest.status).toBe(200);
    expect(deepest.body.results.map((p: { id: number }) => p.id)).toEqual(expected.slice(0, 10).map((r) => r.id));
    expect(new URL(deepest.body.previous).searchParams.get("page")).toBe("999");
    const next = new URL(deepest.body.next);
    expect(next.searchParams.get("page")).toBeNull();
    expect(next.searchParams.get("cursor")).toBe(deepest.body.next_cursor);
    const after = await api("GET", `${next.pathname}${next.search}`);
    expect(after.status).toBe(200);
    expect(after.body.results.map((p: { id: number }) => p.id)).toEqual(expected.slice(10, 20).map((r) => r.id));
    expect(after.body.count).toBeNull();

    const wide = await list("page=100&page_size=100");
    expect(wide.status).toBe(200);
    expect(wide.body.results).toHaveLength(100);
    expect(wide.body.results[99].id).toBe(expected[9]!.id);
    expect(new URL(wide.body.next).searchParams.get("cursor")).toBe(wide.body.next_cursor);

    const tooDeep = await list("page=1001");
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.detail).toMatch(/next_cursor/);
  });
});

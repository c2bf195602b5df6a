import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE } from "../helpers/api";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

// Cached list pages are keyed by the parsed, canonical query: the same question asked in another
// order or spelling is the same entry. Their links carry the origin each answer was asked on.

let categoryId: number;

beforeAll(async () => {
  const admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  const specs: [string, string][] = [
    ["Desk Lamp", "12.00"],
    ["Floor lamp", "10.00"],
    ["Lamp Shade", "9.99"],
    ["Lava Lamp", "25.50"],
    ["Reading lamp", "18.00"],
    ["Oak Table", "30.00"],
  ];
  for (const [name, price] of specs) await createProduct(admin.token, categoryId, { name, price });
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { count: number | null; next: string | null; previous: string | null; next_cursor: string | null; results: { name: string }[] };
}

async function get(url: string): Promise<Answer> {
  const res = await SELF.fetch(url);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
}

/** Asks until the answer comes from the cache: its entry is stored after the first response went out. */
async function primed(url: string): Promise<Answer> {
  for (let i = 0; i < 50; i++) {
    const res = await get(url);
    expect(res.status).toBe(200);
    if (res.headers.get("x-cache") === "hit") return res;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} never became a cache hit`);
}

/**
 * `variant` is answered from the entry `first` stored: a hit with no SQL. Another test file's
 * catalog write moves the catalog version (the ETag) between the two; then both are asked again.
 */
async function fromSameEntry(first: string, variant: string): Promise<[Answer, Answer]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const a = await primed(first);
    const b = await get(variant);
    if (b.headers.get("etag") !== a.headers.get("etag")) continue;
    expect(b.status, variant).toBe(200);
    expect(b.headers.get("x-cache"), variant).toBe("hit");
    expect(b.headers.get("x-db-round-trips"), variant).toBe("0");
    return [a, b];
  }
  throw new Error("the catalog version kept moving");
}

const url = (query: string, origin = BASE) => `${origin}/api/products?${query.replaceAll("CAT", String(categoryId))}`;

describe("cache keys are canonical", () => {
  it.each([
    ["order of parameters", "search=%20lamp%20&min_price=10&category=CAT"],
    ["spelling of money (10.00, 10.0, 010)", "category=CAT&min_price=10.0&search=Lamp"],
    ["money with leading zero", "category=CAT&min_price=010&search=lamp"],
    ["case and spaces of search", "category=CAT&min_price=10.00&search=%20LAMP%20"],
    ["defaults spelt out (page=1, page_size=10, ordering=id)", "page=1&category=CAT&page_size=10&ordering=id&min_price=10.00&search=lamp"],
  ])("%s: the same entry, same body", async (_what, variant) => {
    const [first, second] = await fromSameEntry(url("category=CAT&min_price=10&search=Lamp"), url(variant));
    expect(second.text).toBe(first.text);
    expect(first.body.results.map((p) => p.name)).toEqual(["Desk Lamp", "Floor lamp", "Lava Lamp", "Reading lamp"]);
    expect(first.body.count).toBe(4);
  });

  it("a query that means something else is another entry", async () => {
    const first = await primed(url("category=CAT&min_price=10&search=Lamp"));
    for (const other of ["category=CAT&min_price=10.01&search=Lamp", "category=CAT&min_price=10&search=lamps", "category=CAT&min_price=10&search=Lamp&ordering=-id", "category=CAT&min_price=10&search=Lamp&page_size=3"]) {
      const res = await get(url(other));
      expect(res.status, other).toBe(200);
      // A hit here could only be another request's entry under the same key: asked once, it is a miss.
      if (res.headers.get("etag") === first.headers.get("etag")) expect(res.headers.get("x-cache"), other).toBe("miss");
    }
  });
});

describe("links in cached pages", () => {
  const A = "http://a.example";
  const B = "https://b.example:8443";

  function expectLink(link: string | null, origin: string, params: Record<string, string>) {
    expect(link).not.toBeNull();
    const parsed = new URL(link!);
    expect(parsed.origin).toBe(origin);
    expect(parsed.pathname).toBe("/api/products");
    expect(Object.fromEntries(parsed.searchParams)).toEqual(params);
  }

  it("use the origin each answer was asked on, not the first requester's", async () => {
    const query = "page=2&page_size=2&search=LAMP&category=CAT";
    const [fromA, fromB] = await fromSameEntry(url(query, A), url(query, B));
    const canonical = { category: String(categoryId), search: "lamp", page_size: "2" };
    expectLink(fromA.body.next, A, { ...canonical, page: "3" });
    expectLink(fromA.body.previous, A, { ...canonical, page: "1" });
    expectLink(fromB.body.next, B, { ...canonical, page: "3" });
    expectLink(fromB.body.previous, B, { ...canonical, page: "1" });
    expect(fromB.text).not.toContain("a.example");
    expect(fromB.body.results).toEqual(fromA.body.results);
  });

  it("cursor links too", async () => {
    const first = await get(url("category=CAT&page_size=2&search=lamp", A));
    const cursor = first.body.next_cursor!;
    expect(cursor).toBeTruthy();
    const query = `category=CAT&page_size=2&search=lamp&cursor=${encodeURIComponent(cursor)}`;
    const [fromA, fromB] = await fromSameEntry(url(query, A), url(query, B));
    const canonical = { category: String(categoryId), search: "lamp", page_size: "2" };
    expectLink(fromA.body.next, A, { ...canonical, cursor: fromA.body.next_cursor! });
    expectLink(fromB.body.next, B, { ...canonical, cursor: fromB.body.next_cursor! });
    expect(fromB.body.previous).toBeNull();
    expect(fromB.text).not.toContain("a.example");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

const tag = () => crypto.randomUUID().slice(0, 8);
const SIZES = { name: "Size", values: ["S", "M", "L"] };

type Variant = { id: number; sku: string; options: Record<string, string>; price: string; stock: number; in_stock: boolean; image_id: number | null };
type Product = { id: number; name: string; price: string; stock: number; in_stock: boolean; options: { name: string; values: string[] }[]; variants: Variant[] };

/** A T-shirt-like product with one variant per size (prices and stock as given, in size order). */
async function shirt(opts: { category?: number; name?: string; prices?: string[]; stocks?: number[]; options?: { name: string; values: string[] }[]; variants?: unknown[] } = {}) {
  const t = tag();
  const prices = opts.prices ?? ["10.00", "12.00", "14.00"];
  const stocks = opts.stocks ?? [1, 2, 3];
  const body = {
    name: opts.name ?? `Shirt ${t}`,
    category_id: opts.category ?? categoryId,
    options: opts.options ?? [SIZES],
    variants: opts.variants ?? SIZES.values.map((size, i) => ({ sku: `SH-${t}-${size}`, options: { Size: size }, price: prices[i], stock: stocks[i] })),
  };
  const res = await api<Product>("POST", "/api/products", { token: admin.token, body });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const product = async (id: number) => (await api<Product>("GET", `/api/products/${id}`)).body;
const stored = async (id: number) => (await sql<{ price: string; stock: number }>("select price::text, stock from products where id = $1", [id]))[0]!;
/** What the product columns must always be: the lowest live variant price and the sum of live stock. */
const aggregates = async (id: number) =>
  (await sql<{ price: string; stock: number }>("select min(price)::text as price, sum(stock)::int as stock from variants where product_id = $1 and deleted_at is null", [id]))[0]!;

describe("creating products with options and variants", () => {
  it("writes the product and its variants; price is the lowest, stock the sum", async () => {
    const p = await shirt({ prices: ["15.00", "9.50", "12.00"], stocks: [0, 4, 6] });
    expect(p.options).toEqual([SIZES]);
    expect(p.price).toBe("9.50");
    expect(p.stock).toBe(10);
    expect(p.in_stock).toBe(true);
    expect(p.variants.map((v) => [v.options.Size, v.price, v.stock, v.in_stock, v.image_id])).toEqual([
      ["S", "15.00", 0, false, null],
      ["M", "9.50", 4, true, null],
      ["L", "12.00", 6, true, null],
    ]);
    expect(new Set(p.variants.map((v) => v.id)).size).toBe(3);
    expect(p.variants.map((v) => v.id)).not.toContain(p.id);
    expect(await product(p.id)).toMatchObject({ price: "9.50", stock: 10, variants: p.variants, images: [] });
    expect(await stored(p.id)).toEqual({ price: "9.50", stock: 10 });
  });

  it("gives a product without options one variant with the product's id and its SKU", async () => {
    const sku = `PLAIN-${tag()}`;
    const p = await createProduct(admin.token, categoryId, { price: "3.00", stock: 7, sku });
    const read = await product(p.id);
    expect(read.options).toEqual([]);
    expect(read.variants).toEqual([{ id: p.id, sku, options: {}, price: "3.00", stock: 7, in_stock: true, image_id: null }]);
    const defaulted = await product((await createProduct(admin.token, categoryId)).id);
    expect(defaulted.variants[0]!.sku).toBe(`SKU-${defaulted.id}`);
  });

  it.each([
    ["options without variants", { options: [SIZES], price: "1.00" }, "variants"],
    ["a variant missing an option", { options: [SIZES], variants: [{ sku: "A", options: {}, price: "1.00" }] }, "variants.0.options.Size"],
    ["a value the option does not allow", { options: [SIZES], variants: [{ sku: "A", options: { Size: "XXL" }, price: "1.00" }] }, "variants.0.options.Size"],
    ["an option the product does not have", { options: [SIZES], variants: [{ sku: "A", options: { Size: "S", Color: "Red" }, price: "1.00" }] }, "variants.0.options.Color"],
    [
      "two variants with the same options",
      { options: [SIZES], variants: [{ sku: "A", options: { Size: "S" }, price: "1.00" }, { sku: "B", options: { Size: "S" }, price: "1.00" }] },
      "variants.1.options",
    ],
    [
      "more than 3 options",
      { options: ["A", "B", "C", "D"].map((name) => ({ name, values: ["x"] })), variants: [{ sku: "A", options: { A: "x", B: "x", C: "x", D: "x" }, price: "1.00" }] },
      "options",
    ],
    ["an option name twice", { options: [SIZES, SIZES], variants: [{ sku: "A", options: { Size: "S" }, price: "1.00" }] }, "options.1.name"],
    ["price next to variants", { options: [SIZES], price: "1.00", variants: [{ sku: "A", options: { Size: "S" }, price: "1.00" }] }, "price"],
    ["no price and no variants", {}, "price"],
    ["101 variants", { options: [SIZES], variants: Array.from({ length: 101 }, (_, i) => ({ sku: `X${i}`, options: { Size: "S" }, price: "1.00" })) }, "variants"],
  ])("refuses %s with 400 naming the path, and writes nothing", async (_what, fields, path) => {
    const name = `Refused ${tag()}`;
    const res = await api("POST", "/api/products", { token: admin.token, body: { name, category_id: categoryId, ...fields } });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.map((e) => e.path)).toContain(path);
    expect(await sql("select id from products where name = $1", [name])).toHaveLength(0);
  });

  it("refuses a SKU taken anywhere in the shop, ignoring case, with 409 sku-taken and writes nothing", async () => {
    const p = await shirt({ options: [{ name: "Size", values: ["S", "M", "L", "XL"] }] });
    const taken = p.variants[0]!.sku.toLowerCase();
    const name = `Dup ${tag()}`;
    const res = await api("POST", "/api/products", {
      token: admin.token,
      body: { name, category_id: categoryId, options: [SIZES], variants: [{ sku: `NEW-${tag()}`, options: { Size: "S" }, price: "1.00" }, { sku: taken, options: { Size: "M" }, price: "1.00" }] },
    });
    expect(expectProblem(res, 409).type).toBe("urn:problem:sku-taken");
    const plain = await api("POST", "/api/products", { token: admin.token, body: { name, category_id: categoryId, price: "1.00", sku: taken.toUpperCase() } });
    expect(expectProblem(plain, 409).type).toBe("urn:problem:sku-taken");
    expect(await sql("select id from products where name = $1", [name])).toHaveLength(0);
    const added = await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: taken, options: { Size: "XL" }, price: "1.00" } });
    expect(expectProblem(added, 409).type).toBe("urn:problem:sku-taken");
    expect((await product(p.id)).variants).toHaveLength(3);
  });
});

describe("variant writes", () => {
  it("adds, changes and deletes variants, keeping the product's price and stock the lowest and the sum", async () => {
    const p = await shirt({ options: [{ name: "Size", values: ["S", "M", "L", "XL"] }], prices: ["10.00", "12.00", "14.00"], stocks: [1, 2, 3] });
    const added = await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: `XL-${tag()}`, options: { Size: "XL" }, price: "8.00", stock: 4 } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ product_id: p.id, options: { Size: "XL" }, price: "8.00", stock: 4, in_stock: true, image_id: null });
    expect(await product(p.id)).toMatchObject({ price: "8.00", stock: 10 });

    const changed = await api("PATCH", `/api/products/${p.id}/variants/${added.body.id}`, { token: admin.token, body: { price: "20.00", stock: 0 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ price: "20.00", stock: 0, in_stock: false });
    expect(await product(p.id)).toMatchObject({ price: "10.00", stock: 6 });

    const s = p.variants[0]!;
    expect((await api("DELETE", `/api/products/${p.id}/variants/${s.id}`, { token: admin.token })).status).toBe(204);
    const after = await product(p.id);
    expect(after).toMatchObject({ price: "12.00", stock: 5 });
    expect(after.variants.map((v) => v.options.Size)).toEqual(["M", "L", "XL"]);
    expect(await sql("select id from variants where id = $1", [s.id])).toHaveLength(0);
    expect(await stored(p.id)).toEqual(await aggregates(p.id));
  });

  it("refuses variants that do not fit the options, repeat another, or name a foreign image, with 400", async () => {
    const p = await shirt();
    const post = (body: unknown) => api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body });
    const paths = async (res: Awaited<ReturnType<typeof post>>) => expectProblem(res, 400).errors?.map((e) => e.path);
    expect(await paths(await post({ sku: `A-${tag()}`, options: { Size: "XXL" }, price: "1.00" }))).toEqual(["options.Size"]);
    expect(await paths(await post({ sku: `A-${tag()}`, options: {}, price: "1.00" }))).toEqual(["options.Size"]);
    expect(await paths(await post({ sku: `A-${tag()}`, options: { Size: "S", Fit: "Slim" }, price: "1.00" }))).toEqual(["options.Fit"]);
    expect(await paths(await post({ sku: `A-${tag()}`, options: { Size: "S" }, price: "1.00" }))).toEqual(["options"]);
    expect(await paths(await post({ sku: `A-${tag()}`, options: { Size: "S" }, price: "1.00", image_id: 2_000_000_000 }))).toContain("image_id");
    const patch = await api("PATCH", `/api/products/${p.id}/variants/${p.variants[0]!.id}`, { token: admin.token, body: { options: { Size: "M" } } });
    expect(expectProblem(patch, 400).errors?.map((e) => e.path)).toEqual(["options"]);
    expect((await product(p.id)).variants).toEqual(p.variants);
  });

  it("answers 404 for an unknown product or variant and for a variant of another product", async () => {
    const [a, b] = [await shirt(), await shirt()];
    const foreign = b.variants[0]!.id;
    expectProblem(await api("PATCH", `/api/products/${a.id}/variants/${foreign}`, { token: admin.token, body: { price: "1.00" } }), 404);
    expectProblem(await api("DELETE", `/api/products/${a.id}/variants/${foreign}`, { token: admin.token }), 404);
    expectProblem(await api("PATCH", `/api/products/${a.id}/variants/999999999`, { token: admin.token, body: { price: "1.00" } }), 404);
    expectProblem(await api("POST", `/api/products/999999999/variants`, { token: admin.token, body: { sku: `Z-${tag()}`, price: "1.00" } }), 404);
    expectProblem(await api("POST", `/api/variants/999999999/stock`, { token: admin.token, body: { delta: 1 } }), 404);
    expect((await product(b.id)).variants[0]!.price).toBe("10.00");
  });

  it("keeps the last variant (409) and soft-deletes an ordered one", async () => {
    const p = await shirt();
    const [s, m, l] = p.variants as [Variant, Variant, Variant];
    const buyer = await newUser();
    const [order] = await sql<{ id: number }>("insert into orders (user_id, subtotal, total) values ($1, 10.00, 10.00) returning id", [buyer.id]);
    await sql("insert into order_items (order_id, product_id, variant_id, name, sku, unit_price, quantity) values ($1, $2, $3, 'Shirt', $4, 10.00, 1)", [order!.id, p.id, s.id, s.sku]);
    expect((await api("DELETE", `/api/products/${p.id}/variants/${s.id}`, { token: admin.token })).status).toBe(204);
    expect((await sql<{ deleted: boolean }>("select deleted_at is not null as deleted from variants where id = $1", [s.id]))[0]!.deleted).toBe(true);
    expect((await api("DELETE", `/api/products/${p.id}/variants/${m.id}`, { token: admin.token })).status).toBe(204);
    const last = await api("DELETE", `/api/products/${p.id}/variants/${l.id}`, { token: admin.token });
    expect(expectProblem(last, 409).type).toBe("urn:problem:last-variant");
    expect(await product(p.id)).toMatchObject({ price: l.price, stock: l.stock, variants: [l] });
    // The soft-deleted variant's SKU is free again.
    expect((await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: s.sku, options: { Size: "S" }, price: "1.00" } })).status).toBe(201);
  });

  it("refuses a 101st variant with 409 too-many-variants", async () => {
    const t = tag();
    const letters = Array.from({ length: 11 }, (_, i) => `a${i}`);
    const digits = Array.from({ length: 10 }, (_, i) => `d${i}`);
    const combos = letters.flatMap((a) => digits.map((d) => ({ A: a, D: d })));
    const p = await shirt({
      options: [{ name: "A", values: letters }, { name: "D", values: digits }],
      variants: combos.slice(0, 100).map((options, i) => ({ sku: `MANY-${t}-${i}`, options, price: "1.00", stock: 1 })),
    });
    expect(p.variants).toHaveLength(100);
    expect(p.stock).toBe(100);
    const res = await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: `MANY-${t}-100`, options: combos[100], price: "1.00" } });
    expect(expectProblem(res, 409).type).toBe("urn:problem:too-many-variants");
    expect((await product(p.id)).variants).toHaveLength(100);
  });
});

describe("product writes of variant products", () => {
  it("applies price and stock to a one-variant product's variant, and refuses them for several (409)", async () => {
    const plain = await createProduct(admin.token, categoryId, { price: "5.00", stock: 2 });
    const res = await api("PATCH", `/api/products/${plain.id}`, { token: admin.token, body: { price: "6.50", stock: 9 } });
    expect(res.body).toMatchObject({ price: "6.50", stock: 9, variants: [{ id: plain.id, price: "6.50", stock: 9 }] });
    expect((await api("POST", `/api/products/${plain.id}/stock`, { token: admin.token, body: { delta: -4 } })).body).toMatchObject({ stock: 5, variants: [{ stock: 5 }] });

    const p = await shirt();
    expect(expectProblem(await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { price: "1.00", name: "Renamed" } }), 409).type).toBe("urn:problem:product-has-variants");
    expect(expectProblem(await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: 1 } }), 409).type).toBe("urn:problem:product-has-variants");
    expect(await product(p.id)).toMatchObject({ name: p.name, price: "10.00", stock: 6 });
  });

  it("changes options only while every variant still fits them", async () => {
    const p = await shirt();
    const narrowed = await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { options: [{ name: "Size", values: ["S", "M"] }] } });
    expect(expectProblem(narrowed, 400).errors?.map((e) => e.path)).toEqual(["options"]);
    const widened = await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { options: [{ name: "Size", values: ["XS", "S", "M", "L"] }] } });
    expect(widened.status).toBe(200);
    expect(widened.body.options).toEqual([{ name: "Size", values: ["XS", "S", "M", "L"] }]);
    expect((await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: `XS-${tag()}`, options: { Size: "XS" }, price: "1.00" } })).status).toBe(201);
  });

  it("gives a one-variant product's variant the first value of each option it gets", async () => {
    const plain = await createProduct(admin.token, categoryId, { price: "5.00", stock: 2 });
    const res = await api("PATCH", `/api/products/${plain.id}`, { token: admin.token, body: { options: [{ name: "Color", values: ["Red", "Blue"] }, SIZES] } });
    expect(res.status).toBe(200);
    expect(res.body.variants).toEqual([{ id: plain.id, sku: `SKU-${plain.id}`, options: { Color: "Red", Size: "S" }, price: "5.00", stock: 2, in_stock: true, image_id: null }]);
    const blue = await api("POST", `/api/products/${plain.id}/variants`, { token: admin.token, body: { sku: `BLUE-${tag()}`, options: { Color: "Blue", Size: "S" }, price: "4.00", stock: 1 } });
    expect(blue.status).toBe(201);
    expect(await product(plain.id)).toMatchObject({ price: "4.00", stock: 3 });
  });
});

describe("variant stock", () => {
  it("20 simultaneous removals of 1 from a variant with 5: exactly 5 succeed, the variant ends at 0 and the product's sum stays exact", async () => {
    const p = await shirt({ stocks: [5, 7, 0] });
    const s = p.variants[0]!;
    const results = await Promise.all(Array.from({ length: 20 }, () => api("POST", `/api/variants/${s.id}/stock`, { token: admin.token, body: { delta: -1 } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(expectProblem(r, 409).type).toBe("urn:problem:insufficient-stock");
    expect(results.filter((r) => r.status === 200).map((r) => r.body.stock).sort()).toEqual([0, 1, 2, 3, 4]);
    const read = await product(p.id);
    expect(read.variants.map((v) => v.stock)).toEqual([0, 7, 0]);
    expect(read.stock).toBe(7);
    expect(await stored(p.id)).toEqual(await aggregates(p.id));
  });

  it("sets stock, refuses below 0 and past the limit, and moves the product's stock with it", async () => {
    const p = await shirt({ stocks: [1, 1, 1] });
    const m = p.variants[1]!;
    const set = await api("POST", `/api/variants/${m.id}/stock`, { token: admin.token, body: { stock: 10 } });
    expect(set.body).toMatchObject({ id: m.id, product_id: p.id, stock: 10, in_stock: true });
    expect((await product(p.id)).stock).toBe(12);
    expect(expectProblem(await api("POST", `/api/variants/${m.id}/stock`, { token: admin.token, body: { delta: -11 } }), 409).type).toBe("urn:problem:insufficient-stock");
    expect(expectProblem(await api("POST", `/api/variants/${m.id}/stock`, { token: admin.token, body: { delta: 1_000_000_000 } }), 409).type).toBe("urn:problem:stock-limit");
    expectProblem(await api("POST", `/api/variants/${m.id}/stock`, { token: admin.token, body: { stock: -1 } }), 400);
    const user = await newUser();
    expectProblem(await api("POST", `/api/variants/${m.id}/stock`, { token: user.token, body: { delta: 1 } }), 403);
    expect((await product(p.id)).stock).toBe(12);
  });
});

describe("filtering by option", () => {
  let cat: number;
  let ids: Record<string, number>;

  beforeAll(async () => {
    cat = (await createCategory(admin.token)).id;
    const color = (values: string[]) => ({ name: "Color", values });
    const make = async (name: string, variants: { Size: string; Color: string; price: string }[]) => {
      const t = tag();
      return (
        await shirt({
          category: cat,
          name,
          options: [SIZES, color(["Red", "Blue"])],
          variants: variants.map((v, i) => ({ sku: `F-${t}-${i}`, options: { Size: v.Size, Color: v.Color }, price: v.price, stock: 1 })),
        })
      ).id;
    };
    ids = {
      red: await make("Red M", [{ Size: "M", Color: "Red", price: "20.00" }]),
      blue: await make("Blue M and L", [{ Size: "M", Color: "Blue", price: "5.00" }, { Size: "L", Color: "Blue", price: "30.00" }]),
      small: await make("Red S", [{ Size: "S", Color: "Red", price: "1.00" }]),
      cheap: await make("Red and Blue M", [{ Size: "M", Color: "Red", price: "2.00" }, { Size: "M", Color: "Blue", price: "3.00" }]),
    };
  });

  const names = async (query: string) => {
    const res = await api("GET", `/api/products?category=${cat}&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.results.map((p: { name: string }) => p.name);
  };

  it("keeps products with a variant of each value given, with other filters and orderings", async () => {
    expect(await names("option=Size:M")).toEqual(["Red M", "Blue M and L", "Red and Blue M"]);
    expect(await names("option=Size:M&option=Color:Blue")).toEqual(["Blue M and L", "Red and Blue M"]);
    expect(await names("option=Size:M&ordering=-price")).toEqual(["Red M", "Blue M and L", "Red and Blue M"]);
    expect(await names("option=Size:M&ordering=price")).toEqual(["Red and Blue M", "Blue M and L", "Red M"]);
    expect(await names("option=Color:Red&max_price=2.00")).toEqual(["Red S", "Red and Blue M"]);
    expect(await names("option=Size:XL")).toEqual([]);
    expect(await names("option=Size:m")).toEqual([]);
    const counted = await api("GET", `/api/products?category=${cat}&option=Size:M`);
    expect(counted.body.count).toBe(3);
  });

  it("pages by cursor within the filter, and binds the cursor to it", async () => {
    const first = await api("GET", `/api/products?category=${cat}&option=Size:M&ordering=name&page_size=2`);
    expect(first.body.results.map((p: { name: string }) => p.name)).toEqual(["Blue M and L", "Red M"]);
    const next = new URL(first.body.next);
    expect(next.searchParams.getAll("option")).toEqual(["Size:M"]);
    const cursor = encodeURIComponent(first.body.next_cursor);
    const second = await api("GET", `/api/products?category=${cat}&option=Size:M&ordering=name&page_size=2&cursor=${cursor}`);
    expect(second.body.results.map((p: { name: string }) => p.name)).toEqual(["Red and Blue M"]);
    expectProblem(await api("GET", `/api/products?category=${cat}&option=Size:L&ordering=name&page_size=2&cursor=${cursor}`), 400);
  });

  it("caches the same filters in any order under one entry", async () => {
    const path = (q: string) => `/api/products?category=${cat}&${q}&page_size=3`;
    await api("GET", path("option=Color:Blue&option=Size:M"));
    const again = await api("GET", path("option=Size:M&option=Color:Blue"));
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.body.results.map((p: { id: number }) => p.id)).toEqual([ids.blue, ids.cheap]);
  });

  it("follows the variants: a changed, deleted or added variant changes which filters keep the product", async () => {
    const own = (await createCategory(admin.token)).id;
    const p = await shirt({ category: own, options: [{ name: "Size", values: ["S", "M", "L", "XL"] }] });
    const kept = async (query: string) => (await api("GET", `/api/products?category=${own}&${query}`)).body.results.map((r: { id: number }) => r.id);
    const [small, medium] = p.variants;
    expect(await kept("option=Size:S&option=Size:M")).toEqual([p.id]);
    expect((await api("PATCH", `/api/products/${p.id}/variants/${small!.id}`, { token: admin.token, body: { options: { Size: "XL" } } })).status).toBe(200);
    expect(await kept("option=Size:S")).toEqual([]);
    expect(await kept("option=Size:XL")).toEqual([p.id]);
    expect((await api("DELETE", `/api/products/${p.id}/variants/${medium!.id}`, { token: admin.token })).status).toBe(204);
    expect(await kept("option=Size:M")).toEqual([]);
    const added = await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: `SH-${tag()}-S`, options: { Size: "S" }, price: "9.00" } });
    expect(added.status).toBe(201);
    expect(await kept("option=Size:S&option=Size:XL&option=Size:L")).toEqual([p.id]);
    const [row] = await sql<{ option_values: string[] }>("select option_values from products where id = $1", [p.id]);
    expect(row!.option_values.sort()).toEqual(["Size:L", "Size:S", "Size:XL"]);
  });

  it.each(["option=Size", "option=:M", "option=Size:", "option="])("refuses %s with 400", async (query) => {
    const problem = expectProblem(await api("GET", `/api/products?category=${cat}&${query}`), 400);
    expect(problem.errors?.map((e) => e.path)).toContain("option");
  });
});

describe("images on products", () => {
  it("lists the product's images by position with full URLs, from the cache too", async () => {
    const p = await shirt();
    const key = `${"ab".repeat(32)}-${tag()}`;
    const [img] = await sql<{ id: number }>(
      "insert into product_images (product_id, key, content_type, width, height, byte_size, alt, position) values ($1, $2, 'image/png', 4, 3, 100, 'front', 0) returning id",
      [p.id, key],
    );
    await sql("insert into product_images (product_id, key, content_type, width, height, byte_size, alt, position) values ($1, $2, 'image/png', 1, 1, 10, 'back', 1)", [p.id, `${key}-2`]);
    const linked = await api("PATCH", `/api/products/${p.id}/variants/${p.variants[0]!.id}`, { token: admin.token, body: { image_id: img!.id } });
    expect(linked.body.image_id).toBe(img!.id);
    const miss = await api("GET", `/api/products/${p.id}`);
    const hit = await api("GET", `/api/products/${p.id}`);
    for (const res of [miss, hit]) {
      expect(res.body.images).toEqual([
        { id: img!.id, url: `http://shop.test/images/${key}`, width: 4, height: 3, alt: "front", position: 0 },
        expect.objectContaining({ url: `http://shop.test/images/${key}-2`, alt: "back", position: 1 }),
      ]);
      expect(res.body.variants[0].image_id).toBe(img!.id);
    }
    const listed = await api("GET", `/api/products?category=${categoryId}&search=${encodeURIComponent(p.name.toLowerCase())}`);
    expect(listed.body.results[0].images[0].url).toBe(`http://shop.test/images/${key}`);
    const patched = await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { description: "with pictures" } });
    expect(patched.body.images[0].url).toBe(`http://shop.test/images/${key}`);
    const unlinked = await api("PATCH", `/api/products/${p.id}/variants/${p.variants[0]!.id}`, { token: admin.token, body: { image_id: null } });
    expect(unlinked.body.image_id).toBeNull();
  });
});

describe("round trips", () => {
  const trips = (res: { status: number; headers: Headers }) => [res.status, res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips")];

  it("every variant write is one batch and one version bump; a filtered list miss one query", async () => {
    const p = await shirt({ options: [{ name: "Size", values: ["S", "M", "L", "XL"] }] });
    const added = await api("POST", `/api/products/${p.id}/variants`, { token: admin.token, body: { sku: `RT-${tag()}`, options: { Size: "XL" }, price: "1.00" } });
    expect(trips(added)).toEqual([201, "1", "1"]);
    expect(trips(await api("PATCH", `/api/products/${p.id}/variants/${added.body.id}`, { token: admin.token, body: { price: "2.00" } }))).toEqual([200, "1", "1"]);
    expect(trips(await api("POST", `/api/variants/${added.body.id}/stock`, { token: admin.token, body: { delta: 2 } }))).toEqual([200, "1", "1"]);
    expect(trips(await api("DELETE", `/api/products/${p.id}/variants/${added.body.id}`, { token: admin.token }))).toEqual([204, "1", "1"]);
    expect(trips(await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { name: `Renamed ${tag()}` } }))).toEqual([200, "1", "1"]);
    const list = await api("GET", `/api/products?category=${categoryId}&option=Size:XL&option=Size:S&page_size=7`);
    expect(trips(list)).toEqual([200, "1", "1"]);
    expect(list.headers.get("x-cache")).toBe("miss");
    expect(list.headers.get("x-db-statements")).toBe("3");
  });
});

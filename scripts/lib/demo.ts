import pg from "pg";
import { hashPassword } from "../../src/auth/password.ts";

export const DEFAULT_ADMIN_EMAIL = "admin@example.com";
export const DEFAULT_ADMIN_PASSWORD = "admin-password";

const demoCatalog: { category: string; description: string; products: [string, string, string, number][] }[] = [
  {
    category: "Coffee",
    description: "Beans and grounds, roasted weekly.",
    products: [
      ["Ethiopia Yirgacheffe 250g", "Floral, citrus, light roast.", "14.50", 40],
      ["Colombia Huila 1kg", "Caramel and red apple, medium roast.", "42.00", 12],
      ["Decaf Espresso 500g", "Swiss-water decaf, dark roast.", "19.99", 0],
    ],
  },
  {
    category: "Brewing",
    description: "Kettles, drippers and grinders.",
    products: [
      ["Pour-over Dripper", "Ceramic, fits size 02 filters.", "24.00", 25],
      ["Burr Grinder", "40 mm conical burrs, 30 settings.", "129.00", 5],
      ["Gooseneck Kettle 1L", "Stainless steel, stovetop.", "39.90", 18],
    ],
  },
  {
    category: "Apparel",
    description: "Shop merchandise.",
    products: [["Logo Tote Bag", "Heavy cotton canvas.", "15.00", 20]],
  },
  {
    category: "Tea",
    description: "Loose-leaf teas.",
    products: [
      ["Sencha 100g", "Grassy Japanese green tea.", "11.25", 30],
      ["Assam Breakfast 250g", "Malty black tea.", "9.80", 60],
    ],
  },
];

/** Products with options: each variant its own SKU, price and stock (the product shows the lowest price and the sum). */
const demoVariantProducts: { category: string; name: string; description: string; options: { name: string; values: string[] }[]; variants: [string, Record<string, string>, string, number][] }[] = [
  {
    category: "Apparel",
    name: "Logo T-Shirt",
    description: "Organic cotton, unisex fit.",
    options: [{ name: "Size", values: ["S", "M", "L"] }],
    variants: [
      ["TEE-LOGO-S", { Size: "S" }, "19.00", 10],
      ["TEE-LOGO-M", { Size: "M" }, "19.00", 15],
      ["TEE-LOGO-L", { Size: "L" }, "21.00", 0],
    ],
  },
];

/**
 * The admin `npm run dev` / `npm run serve` may create: the well-known demo login only on the
 * project's own embedded database. On a DATABASE_URL of yours it is created only when you chose
 * its password (ADMIN_PASSWORD), so a shared database never gets `admin-password`.
 */
export function demoAdmin(env: NodeJS.ProcessEnv): { email: string; password: string } | null {
  const email = env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL;
  if (env.ADMIN_PASSWORD) return { email, password: env.ADMIN_PASSWORD };
  return env.DATABASE_URL ? null : { email, password: DEFAULT_ADMIN_PASSWORD };
}

export interface DemoData {
  createdAdmin: boolean;
  createdCatalog: boolean;
  categories: number;
  products: number;
}

/**
 * Creates the demo admin (unless `admin` is null) and a small catalog when absent; safe to run at
 * every start.
 */
export async function ensureDemoData(databaseUrl: string, admin: { email: string; password: string } | null): Promise<DemoData> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let createdAdmin = false;
    const email = admin?.email.trim().toLowerCase();
    const existing = admin ? await client.query("select id from users where lower(email) = $1", [email]) : null;
    if (admin && existing?.rowCount === 0) {
      // Verified from the start: whoever runs the stack chose this address, and no mail could confirm it.
      await client.query("insert into users (email, password_hash, name, is_admin, email_verified_at) values ($1, $2, 'Demo Admin', true, now())", [email, await hashPassword(admin.password)]);
      createdAdmin = true;
    }
    const { rows } = await client.query<{ n: string }>("select count(*)::text as n from categories");
    const createdCatalog = rows[0]?.n === "0";
    if (createdCatalog) {
      await client.query("begin");
      const categoryIds = new Map<string, number>();
      for (const group of demoCatalog) {
        const category = await client.query<{ id: number }>("insert into categories (name, description) values ($1, $2) returning id", [group.category, group.description]);
        categoryIds.set(group.category, category.rows[0]!.id);
        for (const [name, description, price, stock] of group.products) {
          // A product without options has one variant with the product's own id.
          await client.query(
            `with p as (insert into products (name, description, price, stock, category_id) values ($1, $2, $3, $4, $5) returning id, price, stock)
             insert into variants (id, product_id, sku, price, stock) select id, id, 'SKU-' || id, price, stock from p`,
            [name, description, price, stock, category.rows[0]?.id],
          );
        }
      }
      for (const product of demoVariantProducts) {
        const rows = product.variants.map(([sku, options, price, stock], position) => ({ sku, options, price, stock, position }));
        await client.query(
          `with input as (select * from jsonb_to_recordset($5::jsonb) as x(sku text, options jsonb, price numeric(12,2), stock int, position int)),
           p as (
             insert into products (name, description, price, stock, category_id, options)
             select $1, $2, (select min(price) from input), (select sum(stock)::int from input), $3, $4::jsonb returning id)
           insert into variants (product_id, sku, options, price, stock, position)
           select p.id, input.sku, input.options, input.price, input.stock, input.position from p cross join input`,
          [product.name, product.description, categoryIds.get(product.category), JSON.stringify(product.options), JSON.stringify(rows)],
        );
      }
      await client.query("commit");
    }
    const counts = await client.query<{ categories: number; products: number }>(
      "select (select count(*)::int from categories) as categories, (select count(*)::int from products where deleted_at is null) as products",
    );
    return { createdAdmin, createdCatalog, ...counts.rows[0]! };
  } finally {
    await client.end();
  }
}

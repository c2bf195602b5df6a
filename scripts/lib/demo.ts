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
    category: "Tea",
    description: "Loose-leaf teas.",
    products: [
      ["Sencha 100g", "Grassy Japanese green tea.", "11.25", 30],
      ["Assam Breakfast 250g", "Malty black tea.", "9.80", 60],
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
      await client.query("insert into users (email, password_hash, name, is_admin) values ($1, $2, 'Demo Admin', true)", [email, await hashPassword(admin.password)]);
      createdAdmin = true;
    }
    const { rows } = await client.query<{ n: string }>("select count(*)::text as n from categories");
    const createdCatalog = rows[0]?.n === "0";
    if (createdCatalog) {
      await client.query("begin");
      for (const group of demoCatalog) {
        const category = await client.query<{ id: number }>("insert into categories (name, description) values ($1, $2) returning id", [group.category, group.description]);
        for (const [name, description, price, stock] of group.products) {
          await client.query("insert into products (name, description, price, stock, category_id) values ($1, $2, $3, $4, $5)", [name, description, price, stock, category.rows[0]?.id]);
        }
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

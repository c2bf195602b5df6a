import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { liveProduct, productWithCategory, toProductResponse } from "../catalog/catalog.projection";
import type { Database } from "../db/client";
import { cartItems, categories, products, variants } from "../db/schema";
import { centsToMoney, moneyToCents } from "../lib/money";
import { conflict, insufficientStock, notFound, unauthorized, validationProblem } from "../lib/problem";
import type { CartResponse } from "./cart.schemas";

/** A cart holds at most this many lines (variants): it bounds what one checkout locks and writes. */
export const MAX_CART_LINES = 100;

// What the cart keeps for checkout: one row per (user_id, variant_id) with product_id always the
// variant's product and quantity ≥ 1, never more than the variant's stock when it was written. A
// line whose variant or product is deleted (soft) stays in the table but is neither listed,
// counted against the line limit, nor totalled; a hard-deleted variant takes its lines with it.

/**
 * The cart's live lines with each variant, its product and category, in one joined query. A
 * variant or product deleted after it was carted is neither listed nor counted.
 */
function cartQuery(db: Database, userId: number) {
  return db
    .select({
      ...productWithCategory,
      quantity: cartItems.quantity,
      variantId: variants.id,
      variantSku: variants.sku,
      variantOptions: variants.options,
      variantPrice: variants.price,
      variantStock: variants.stock,
      // numeric(12,2) × integer keeps two decimals exactly and, unbounded, cannot overflow.
      lineTotal: sql<string>`(${variants.price} * ${cartItems.quantity})::text`,
    })
    .from(cartItems)
    .innerJoin(variants, and(eq(cartItems.variantId, variants.id), isNull(variants.deletedAt)))
    .innerJoin(products, and(eq(variants.productId, products.id), liveProduct))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.variantId));
}

type CartRow = Awaited<ReturnType<typeof cartQuery>>[number];

function toCart(rows: CartRow[], origin: string): CartResponse {
  const total = rows.reduce((sum, r) => sum + moneyToCents(r.lineTotal), 0n);
  return {
    items: rows.map((r) => ({
      product: toProductResponse(r, origin),
      variant: { id: r.variantId, sku: r.variantSku, options: r.variantOptions, price: r.variantPrice, stock: r.variantStock, in_stock: r.variantStock > 0 },
      variant_id: r.variantId,
      quantity: r.quantity,
      line_total: r.lineTotal,
    })),
    total: centsToMoney(total),
  };
}

export async function getCart(db: Database, userId: number, origin = ""): Promise<CartResponse> {
  return toCart(await cartQuery(db, userId), origin);
}

/**
 * Cart changes and checkouts of one user take turns on the user's row (the first statement of each
 * batch), so the checks below see what the previous change or order left, and a line added while
 * an order is being placed waits for it and then stays in the cart.
 */
function lockUser(db: Database, userId: number) {
  return db.execute(sql`select 1 from users where id = ${userId} for no key update`);
}

type LineCheck = {
  found: boolean;
  variant_id: number | null;
  product_id: number | null;
  stock: number | null;
  name: string | null;
  had: number;
  lines: number;
  done: boolean;
  in_cart: boolean;
  variant_count: number;
};

/** Turns a refused change into its problem: unknown variant 404, past the stock or the line limit 409. */
function refuse(check: LineCheck, wanted: number): never {
  if (!check.found) throw notFound("Variant");
  if (wanted > (check.stock ?? 0)) {
    throw insufficientStock(
      [{ product_id: check.product_id ?? 0, variant_id: check.variant_id, name: check.name ?? "", requested: wanted, available: check.stock ?? 0 } as Parameters<typeof insufficientStock>[0][number]],
      `Only ${check.stock} in stock; the cart would hold ${wanted}.`,
    );
  }
  if (!check.in_cart && check.lines >= MAX_CART_LINES) {
    throw conflict("cart-full", `A cart holds at most ${MAX_CART_LINES} lines; order or remove some first.`, { max_lines: MAX_CART_LINES });
  }
  throw notFound("Cart item");
}

/** A user deleted under a valid token, or a variant deleted under the change: the foreign keys say so. */
function foreignKeyProblem(err: unknown): never {
  const constraint = (err as { constraint?: unknown }).constraint;
  if ((err as { code?: unknown }).code === "23503") {
    if (typeof constraint === "string" && constraint.includes("user")) throw unauthorized("The access token names no user.");
    throw notFound("Variant");
  }
  throw err;
}

/** The live variant a cart change names (alias `v`, joined to its live product `p`). */
function namedVariant(target: { variantId?: number; productId?: number }): SQL {
  if (target.variantId !== undefined) {
    return target.productId === undefined ? sql`v.id = ${target.variantId}` : sql`v.id = ${target.variantId} and v.product_id = ${target.productId}`;
  }
  // A product alone names its variant only when it has exactly one.
  return sql`v.product_id = ${target.productId!} and (select count(*) from variants c where c.product_id = ${target.productId!} and c.deleted_at is null) = 1`;
}

/** How many live variants the product named alone has (0 unless the request named a product alone). */
const variantCount = (target: { variantId?: number; productId?: number }) =>
  target.variantId === undefined
    ? sql`(select count(*)::int from variants c join products p on p.id = c.product_id and p.deleted_at is null where c.product_id = ${target.productId!} and c.deleted_at is null)`
    : sql`0`;

/** Adds to any quantity already in the cart; the cart never holds more than the variant's current stock. One round trip. */
export async function addCartItem(db: Database, userId: number, target: { variantId?: number; productId?: number }, quantity: number, origin = ""): Promise<CartResponse> {
  const [, { rows }, cart] = await db
    .batch([
      lockUser(db, userId),
      db.execute<LineCheck>(sql`
        with t as (
          select v.id, v.product_id, v.stock, p.name from variants v join products p on p.id = v.product_id and p.deleted_at is null
          where ${namedVariant(target)} and v.deleted_at is null),
        cur as (select quantity from cart_items where user_id = ${userId} and variant_id = (select id from t)),
        lines as (
          select count(*)::int as n from cart_items ci
          join variants cv on cv.id = ci.variant_id and cv.deleted_at is null
          join products on products.id = cv.product_id and ${liveProduct}
          where ci.user_id = ${userId}),
        up as (
          insert into cart_items (user_id, product_id, variant_id, quantity)
          select ${userId}, t.product_id, t.id, ${quantity} from t
          where coalesce((select quantity from cur), 0) + ${quantity} <= t.stock
            and (exists (select 1 from cur) or (select n from lines) < ${MAX_CART_LINES})
          on conflict (user_id, variant_id) do update set quantity = cart_items.quantity + excluded.quantity, updated_at = now()
          returning quantity)
        select exists (select 1 from t) as found, (select id from t) as variant_id, (select product_id from t) as product_id,
               (select stock from t) as stock, (select name from t) as name,
               coalesce((select quantity from cur), 0) as had, (select n from lines) as lines,
               exists (select 1 from up) as done, exists (select 1 from cur) as in_cart, ${variantCount(target)} as variant_count`),
      cartQuery(db, userId),
    ])
    .catch(foreignKeyProblem);
  const check = rows[0]!;
  if (!check.done) {
    if (!check.found && check.variant_count > 1) {
      throw validationProblem([{ path: "variant_id", message: `This product has ${check.variant_count} variants: send variant_id to say which.` }], "Send variant_id for a product with several variants.");
    }
    refuse(check, check.had + quantity);
  }
  return toCart(cart, origin);
}

export async function setCartQuantity(db: Database, userId: number, variantId: number, quantity: number, origin = ""): Promise<CartResponse> {
  const [, { rows }, cart] = await db.batch([
    lockUser(db, userId),
    db.execute<LineCheck>(sql`
      with t as (
        select v.id, v.product_id, v.stock, p.name from variants v join products p on p.id = v.product_id and p.deleted_at is null
        where v.id = ${variantId} and v.deleted_at is null),
      up as (
        update cart_items set quantity = ${quantity}, updated_at = now()
        where user_id = ${userId} and variant_id = ${variantId} and ${quantity} <= (select stock from t)
        returning quantity)
      select exists (select 1 from t) as found, (select id from t) as variant_id, (select product_id from t) as product_id,
             (select stock from t) as stock, (select name from t) as name, 0 as had, 0 as lines,
             exists (select 1 from up) as done,
             exists (select 1 from cart_items where user_id = ${userId} and variant_id = ${variantId}) as in_cart, 0 as variant_count`),
    cartQuery(db, userId),
  ]);
  const check = rows[0]!;
  if (!check.done) refuse({ ...check, in_cart: true }, quantity);
  return toCart(cart, origin);
}

export async function removeCartItem(db: Database, userId: number, variantId: number, origin = ""): Promise<CartResponse> {
  const [, removed, cart] = await db.batch([
    lockUser(db, userId),
    db
      .delete(cartItems)
      .where(and(eq(cartItems.userId, userId), eq(cartItems.variantId, variantId)))
      .returning({ variantId: cartItems.variantId }),
    cartQuery(db, userId),
  ]);
  if (removed.length === 0) throw notFound("Cart item");
  return toCart(cart, origin);
}

export async function clearCart(db: Database, userId: number): Promise<void> {
  await db.delete(cartItems).where(eq(cartItems.userId, userId));
}

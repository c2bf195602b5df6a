import { and, asc, eq, sql } from "drizzle-orm";
import { liveProduct, productWithCategory, toProductResponse } from "../catalog/catalog.projection";
import type { Database } from "../db/client";
import { cartItems, categories, products } from "../db/schema";
import { centsToMoney, moneyToCents } from "../lib/money";
import { conflict, insufficientStock, notFound, unauthorized } from "../lib/problem";
import { MAX_CART_LINES, type CartResponse } from "./cart.schemas";

export { MAX_CART_LINES };

/**
 * The cart's live lines with each product and its category, in one joined query. A product deleted
 * after it was carted is neither listed nor counted.
 */
function cartQuery(db: Database, userId: number) {
  return db
    .select({
      ...productWithCategory,
      quantity: cartItems.quantity,
      // numeric(12,2) × integer keeps two decimals exactly and, unbounded, cannot overflow.
      lineTotal: sql<string>`(${products.price} * ${cartItems.quantity})::text`,
    })
    .from(cartItems)
    .innerJoin(products, and(eq(cartItems.productId, products.id), liveProduct))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.productId));
}

type CartRow = Awaited<ReturnType<typeof cartQuery>>[number];

function toCart(rows: CartRow[]): CartResponse {
  const total = rows.reduce((sum, r) => sum + moneyToCents(r.lineTotal), 0n);
  return {
    items: rows.map((r) => ({ product: toProductResponse(r), quantity: r.quantity, line_total: r.lineTotal })),
    total: centsToMoney(total),
  };
}

export async function getCart(db: Database, userId: number): Promise<CartResponse> {
  return toCart(await cartQuery(db, userId));
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
  stock: number | null;
  name: string | null;
  had: number;
  lines: number;
  done: boolean;
  in_cart: boolean;
};

/** Turns a refused change into its problem: unknown product 404, past the stock or the line limit 409. */
function refuse(check: LineCheck, productId: number, wanted: number): never {
  if (!check.found) throw notFound("Product");
  if (wanted > (check.stock ?? 0)) {
    throw insufficientStock([{ product_id: productId, name: check.name ?? "", requested: wanted, available: check.stock ?? 0 }], `Only ${check.stock} in stock; the cart would hold ${wanted}.`);
  }
  if (!check.in_cart && check.lines >= MAX_CART_LINES) {
    throw conflict("cart-full", `A cart holds at most ${MAX_CART_LINES} products; order or remove some first.`, { max_lines: MAX_CART_LINES });
  }
  throw notFound("Cart item");
}

/** A user deleted under a valid token, or a product deleted under the change: the foreign keys say so. */
function foreignKeyProblem(err: unknown): never {
  const constraint = (err as { constraint?: unknown }).constraint;
  if ((err as { code?: unknown }).code === "23503") {
    if (typeof constraint === "string" && constraint.includes("user")) throw unauthorized("The access token names no user.");
    throw notFound("Product");
  }
  throw err;
}

/** Adds to any quantity already in the cart; the cart never holds more than the current stock. One round trip. */
export async function addCartItem(db: Database, userId: number, productId: number, quantity: number): Promise<CartResponse> {
  const [, { rows }, cart] = await db
    .batch([
      lockUser(db, userId),
      db.execute<LineCheck>(sql`
        with p as (select id, stock, name from products where id = ${productId} and ${liveProduct}),
        cur as (select quantity from cart_items where user_id = ${userId} and product_id = ${productId}),
        lines as (
          select count(*)::int as n from cart_items ci join products on products.id = ci.product_id and ${liveProduct}
          where ci.user_id = ${userId}),
        up as (
          insert into cart_items (user_id, product_id, quantity)
          select ${userId}, p.id, ${quantity} from p
          where coalesce((select quantity from cur), 0) + ${quantity} <= p.stock
            and (exists (select 1 from cur) or (select n from lines) < ${MAX_CART_LINES})
          on conflict (user_id, product_id) do update set quantity = cart_items.quantity + excluded.quantity, updated_at = now()
          returning quantity)
        select exists (select 1 from p) as found, (select stock from p) as stock, (select name from p) as name,
               coalesce((select quantity from cur), 0) as had, (select n from lines) as lines,
               exists (select 1 from up) as done, exists (select 1 from cur) as in_cart`),
      cartQuery(db, userId),
    ])
    .catch(foreignKeyProblem);
  const check = rows[0]!;
  if (!check.done) refuse(check, productId, check.had + quantity);
  return toCart(cart);
}

export async function setCartQuantity(db: Database, userId: number, productId: number, quantity: number): Promise<CartResponse> {
  const [, { rows }, cart] = await db.batch([
    lockUser(db, userId),
    db.execute<LineCheck>(sql`
      with p as (select id, stock, name from products where id = ${productId} and ${liveProduct}),
      up as (
        update cart_items set quantity = ${quantity}, updated_at = now()
        where user_id = ${userId} and product_id = ${productId} and ${quantity} <= (select stock from p)
        returning quantity)
      select exists (select 1 from p) as found, (select stock from p) as stock, (select name from p) as name, 0 as had, 0 as lines,
             exists (select 1 from up) as done,
             exists (select 1 from cart_items where user_id = ${userId} and product_id = ${productId}) as in_cart`),
    cartQuery(db, userId),
  ]);
  const check = rows[0]!;
  if (!check.done) refuse({ ...check, in_cart: true }, productId, quantity);
  return toCart(cart);
}

export async function removeCartItem(db: Database, userId: number, productId: number): Promise<CartResponse> {
  const [, removed, cart] = await db.batch([
    lockUser(db, userId),
    db
      .delete(cartItems)
      .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)))
      .returning({ productId: cartItems.productId }),
    cartQuery(db, userId),
  ]);
  if (removed.length === 0) throw notFound("Cart item");
  return toCart(cart);
}

export async function clearCart(db: Database, userId: number): Promise<void> {
  await db.delete(cartItems).where(eq(cartItems.userId, userId));
}

import { and, asc, eq, sql } from "drizzle-orm";
import { toProductResponse } from "../catalog/catalog.schemas";
import type { Executor } from "../db/client";
import { cartItems, categories, products } from "../db/schema";
import { centsToMoney, moneyToCents } from "../lib/money";
import { notFound, Problem } from "../lib/problem";
import type { CartResponse } from "./cart.schemas";

/** The cart with each product and its category in one joined query; totals in exact cents. */
export async function getCart(db: Executor, userId: number): Promise<CartResponse> {
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      description: products.description,
      price: products.price,
      stock: products.stock,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      categoryId: categories.id,
      categoryName: categories.name,
      quantity: cartItems.quantity,
      // numeric(12,2) × integer keeps two decimals exactly and, unbounded, cannot overflow.
      lineTotal: sql<string>`(${products.price} * ${cartItems.quantity})::text`,
    })
    .from(cartItems)
    .innerJoin(products, eq(cartItems.productId, products.id))
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.createdAt), asc(cartItems.productId));
  const total = rows.reduce((sum, r) => sum + moneyToCents(r.lineTotal), 0n);
  return {
    items: rows.map((r) => ({ product: toProductResponse(r), quantity: r.quantity, line_total: r.lineTotal })),
    total: centsToMoney(total),
  };
}

async function liveProduct(db: Executor, productId: number): Promise<{ stock: number }> {
  const [product] = await db
    .select({ stock: products.stock })
    .from(products)
    .where(and(eq(products.id, productId), sql`${products.deletedAt} is null`))
    .limit(1);
  if (!product) throw notFound("Product");
  return product;
}

function tooMany(available: number, requested: number) {
  return new Problem(409, "insufficient-stock", `Only ${available} in stock; the cart would hold ${requested}.`, { extra: { available, requested } });
}

/** Adds to any quantity already in the cart; the cart never holds more than the current stock. */
export async function addCartItem(db: Executor, userId: number, productId: number, quantity: number): Promise<void> {
  const product = await liveProduct(db, productId);
  const [existing] = await db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)))
    .limit(1);
  const wanted = (existing?.quantity ?? 0) + quantity;
  if (wanted > product.stock) throw tooMany(product.stock, wanted);
  await db
    .insert(cartItems)
    .values({ userId, productId, quantity })
    .onConflictDoUpdate({
      target: [cartItems.userId, cartItems.productId],
      set: { quantity: sql`${cartItems.quantity} + excluded.quantity`, updatedAt: sql`now()` },
    });
}

export async function setCartQuantity(db: Executor, userId: number, productId: number, quantity: number): Promise<void> {
  const product = await liveProduct(db, productId);
  if (quantity > product.stock) throw tooMany(product.stock, quantity);
  const updated = await db
    .update(cartItems)
    .set({ quantity, updatedAt: sql`now()` })
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  if (updated.length === 0) throw notFound("Cart item");
}

export async function removeCartItem(db: Executor, userId: number, productId: number): Promise<void> {
  const removed = await db
    .delete(cartItems)
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)))
    .returning({ productId: cartItems.productId });
  if (removed.length === 0) throw notFound("Cart item");
}

export async function clearCart(db: Executor, userId: number): Promise<void> {
  await db.delete(cartItems).where(eq(cartItems.userId, userId));
}

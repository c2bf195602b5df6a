import { api, pathId, type Cart } from "./api/client";
import { href, navigate } from "./router";
import { call, session } from "./session";
import { createStore } from "./store";
import { say } from "./toast";

/** The shopper's cart as the server last answered it (null: not loaded, or logged out). */
export const cart = createStore<Cart | null>(null);

export async function loadCart(userId: number): Promise<Cart> {
  const value = await call(() => api.GET("/api/cart"));
  // An empty cart has nothing left to retry: an attempt whose answer was lost has either become an
  // order (which emptied the cart) or never happened. A later cart with the same lines is a new order.
  if (value.items.length === 0) forgetCheckoutKey(userId);
  cart.set(value);
  return value;
}

/** One line to add: a variant, or a product that has exactly one variant. */
export type CartAdd = ({ variant_id: number; product_id?: number } | { product_id: number; variant_id?: undefined }) & { quantity: number };

/**
 * Every "Add to cart" of the storefront goes through here. Signed out, it sends the visitor to log in
 * (and back) and adds nothing: the answer is null.
 */
export async function addToCart(line: CartAdd): Promise<Cart | null> {
  if (!session.get().tokens) {
    navigate(href("/login", { next: window.location.hash.slice(1) || "/" }));
    say("Log in to fill a cart.");
    return null;
  }
  const value = await call(() => api.POST("/api/cart/items", { body: line }));
  cart.set(value);
  return value;
}

/** Cart lines are named by their variant (for a product with one variant, that is the product's id). */
export async function setQuantity(variantId: number, quantity: number): Promise<Cart> {
  const value = await call(() => api.PATCH("/api/cart/items/{variant_id}", { params: { path: { variant_id: pathId(variantId) } }, body: { quantity } }));
  cart.set(value);
  return value;
}

export async function removeFromCart(variantId: number): Promise<Cart> {
  const value = await call(() => api.DELETE("/api/cart/items/{variant_id}", { params: { path: { variant_id: pathId(variantId) } } }));
  cart.set(value);
  return value;
}

export function cartCount(value: Cart | null): number {
  return value ? value.items.reduce((n, item) => n + item.quantity, 0) : 0;
}

const KEY_PREFIX = "edge-shop.checkout-key:";

/**
 * The Idempotency-Key for placing this cart as it is now. The same cart keeps the same key (kept in
 * sessionStorage, so a retry after a lost answer or a reload replays the first order instead of
 * placing a second); a changed cart gets a new one.
 */
export function checkoutKey(userId: number, value: Cart): string {
  const fingerprint = value.items.map((item) => `${item.variant_id}x${item.quantity}`).join(",");
  const storageKey = `${KEY_PREFIX}${userId}`;
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? "null") as { fingerprint: string; key: string } | null;
    if (saved && saved.fingerprint === fingerprint) return saved.key;
  } catch {
    // unreadable: start over
  }
  const key = crypto.randomUUID();
  sessionStorage.setItem(storageKey, JSON.stringify({ fingerprint, key }));
  return key;
}

export function forgetCheckoutKey(userId: number): void {
  sessionStorage.removeItem(`${KEY_PREFIX}${userId}`);
}

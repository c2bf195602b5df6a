import { api, ApiError, pathId, type Cart, type Product, type Problem } from "./api/client";
import { formatCents, toCents } from "./money";
import { call, session } from "./session";
import { createStore } from "./store";
import { say } from "./toast";
import { MAX_CART_LINES } from "../../src/shared/contract";

/**
 * The shopper's cart: the server's cart when signed in, else the guest cart kept in this browser
 * (null: not loaded yet). Both have the API's Cart shape, so one view shows either.
 */
export const cart = createStore<Cart | null>(null);

/**
 * One line to add: a variant, or a product that has exactly one variant (as `POST /api/cart/items`
 * takes it). Signed out, a variant needs its product_id too: the guest cart shows a line from its product.
 */
export type CartAdd = ({ variant_id: number; product_id?: number } | { product_id: number; variant_id?: undefined }) & { quantity: number };

/** A line of the guest cart as this browser keeps it; prices and names come from the catalog when shown. */
export interface GuestLine {
  variant_id: number;
  product_id: number;
  quantity: number;
}

const GUEST_CART_KEY = "edge-shop.guest-cart";

const signedIn = () => session.get().tokens !== null;

export function guestLines(): GuestLine[] {
  try {
    const raw = JSON.parse(localStorage.getItem(GUEST_CART_KEY) ?? "[]") as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (l): l is GuestLine => typeof l === "object" && l !== null && [l.variant_id, l.product_id, l.quantity].every((n) => Number.isInteger(n) && n > 0),
    );
  } catch {
    return [];
  }
}

function saveGuestLines(lines: GuestLine[]): void {
  if (lines.length === 0) localStorage.removeItem(GUEST_CART_KEY);
  else localStorage.setItem(GUEST_CART_KEY, JSON.stringify(lines));
}

export function clearGuestCart(): void {
  saveGuestLines([]);
  if (!signedIn()) cart.set({ items: [], total: "0.00" });
}

/** A problem raised by the guest cart itself, worded as the server words the same refusal. */
function refusal(status: number, slug: string, title: string, detail: string, extra: Partial<Problem> = {}): ApiError {
  return new ApiError(status, { type: `urn:problem:${slug}`, title, status, detail, ...extra });
}

function shortage(product: Product, variantId: number, requested: number, available: number): ApiError {
  return refusal(409, "insufficient-stock", "Conflict", `Not enough stock for: ${product.name} (available ${available}, requested ${requested}).`, {
    products: [{ product_id: product.id, name: product.name, requested, available }],
    variants: [{ variant_id: variantId, product_id: product.id, requested, available }],
  });
}

async function fetchProduct(id: number): Promise<Product | null> {
  try {
    return await call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null; // deleted: it leaves the cart, as on the server
    throw error;
  }
}

/** The guest cart in the API's Cart shape, with today's names, prices and stock from the catalog. */
async function buildGuestCart(lines: GuestLine[]): Promise<Cart> {
  const ids = [...new Set(lines.map((l) => l.product_id))];
  const products = new Map<number, Product | null>(await Promise.all(ids.map(async (id) => [id, await fetchProduct(id)] as const)));
  const items: Cart["items"] = [];
  let total = 0;
  for (const line of lines) {
    const product = products.get(line.product_id);
    const variant = product?.variants.find((v) => v.id === line.variant_id);
    if (!product || !variant) continue;
    const lineCents = toCents(variant.price) * line.quantity;
    total += lineCents;
    items.push({
      product,
      variant: { id: variant.id, sku: variant.sku, options: variant.options, price: variant.price, stock: variant.stock, in_stock: variant.in_stock },
      variant_id: variant.id,
      quantity: line.quantity,
      line_total: formatCents(lineCents),
    });
  }
  return { items, total: formatCents(total) };
}

export async function loadGuestCart(): Promise<Cart> {
  const value = await buildGuestCart(guestLines());
  if (!signedIn()) cart.set(value);
  return value;
}

/**
 * Moves what a visitor carted before signing in into the account's cart (the server checks stock
 * and limits as for any add); what it refuses is said once, and the guest cart is emptied either way.
 */
async function mergeGuestCart(): Promise<void> {
  const lines = guestLines();
  if (lines.length === 0) return;
  saveGuestLines([]);
  const refused: string[] = [];
  for (const line of lines) {
    try {
      await call(() => api.POST("/api/cart/items", { body: { variant_id: line.variant_id, product_id: line.product_id, quantity: line.quantity } }));
    } catch (error) {
      refused.push(error instanceof ApiError ? error.problem.detail || error.problem.title : String(error));
    }
  }
  if (refused.length > 0) say(`Some items carted before you logged in could not be added: ${refused.join(" ")}`);
}

export async function loadCart(userId: number): Promise<Cart> {
  await mergeGuestCart();
  const value = await call(() => api.GET("/api/cart"));
  // An empty cart has nothing left to retry: an attempt whose answer was lost has either become an
  // order (which emptied the cart) or never happened. A later cart with the same lines is a new order.
  if (value.items.length === 0) forgetCheckoutKey(userId);
  cart.set(value);
  return value;
}

async function addToGuestCart(line: CartAdd): Promise<Cart> {
  const quantity = line.quantity;
  if (line.product_id === undefined) {
    // The guest cart shows a line from its product: the variant picker knows it, so it sends it.
    throw new Error("addToCart: a signed-out visitor's line needs product_id as well as variant_id");
  }
  const product = await fetchProduct(line.product_id);
  if (!product) throw refusal(404, "not-found", "Not Found", "This product no longer exists.");
  const variant = line.variant_id === undefined ? (product.variants.length === 1 ? product.variants[0] : undefined) : product.variants.find((v) => v.id === line.variant_id);
  if (!variant) {
    if (line.variant_id === undefined) throw refusal(400, "validation", "Bad Request", "This product has several variants: choose one.", { errors: [{ path: "variant_id", message: "Choose a variant." }] });
    throw refusal(404, "not-found", "Not Found", "This variant no longer exists.");
  }
  const lines = guestLines();
  const existing = lines.find((l) => l.variant_id === variant.id);
  const wanted = (existing?.quantity ?? 0) + quantity;
  if (wanted > variant.stock) throw shortage(product, variant.id, wanted, variant.stock);
  if (existing) existing.quantity = wanted;
  else if (lines.length >= MAX_CART_LINES) throw refusal(409, "cart-full", "Conflict", `A cart holds at most ${MAX_CART_LINES} lines.`);
  else lines.push({ variant_id: variant.id, product_id: product.id, quantity });
  saveGuestLines(lines);
  return loadGuestCart();
}

/**
 * Every "Add to cart" of the storefront goes through here: the account's cart when signed in, else
 * this browser's guest cart (checked against the catalog's stock as the server would).
 */
export async function addToCart(line: CartAdd): Promise<Cart> {
  if (!signedIn()) return addToGuestCart(line);
  // The server finds a variant by its id alone; product_id is only the guest cart's.
  const body = line.variant_id === undefined ? line : { variant_id: line.variant_id, quantity: line.quantity };
  const value = await call(() => api.POST("/api/cart/items", { body }));
  cart.set(value);
  return value;
}

/** Cart lines are named by their variant (for a product with one variant, that is the product's id). */
export async function setQuantity(variantId: number, quantity: number): Promise<Cart> {
  if (!signedIn()) {
    const lines = guestLines();
    const line = lines.find((l) => l.variant_id === variantId);
    const shown = cart.get()?.items.find((i) => i.variant_id === variantId);
    if (line) {
      if (shown && quantity > shown.variant.stock) throw shortage(shown.product, variantId, quantity, shown.variant.stock);
      line.quantity = quantity;
      saveGuestLines(lines);
    }
    return loadGuestCart();
  }
  const value = await call(() => api.PATCH("/api/cart/items/{variant_id}", { params: { path: { variant_id: pathId(variantId) } }, body: { quantity } }));
  cart.set(value);
  return value;
}

export async function removeFromCart(variantId: number): Promise<Cart> {
  if (!signedIn()) {
    saveGuestLines(guestLines().filter((l) => l.variant_id !== variantId));
    return loadGuestCart();
  }
  const value = await call(() => api.DELETE("/api/cart/items/{variant_id}", { params: { path: { variant_id: pathId(variantId) } } }));
  cart.set(value);
  return value;
}

export function cartCount(value: Cart | null): number {
  return value ? value.items.reduce((n, item) => n + item.quantity, 0) : 0;
}

/** The cart's lines in one string: what a quote or an order key depends on. */
export function cartFingerprint(value: Cart | null): string {
  return value ? value.items.map((item) => `${item.variant_id}x${item.quantity}`).join(",") : "";
}

const KEY_PREFIX = "edge-shop.checkout-key:";

/**
 * The Idempotency-Key for placing this cart with this checkout body as they are now. The same cart
 * and choices keep the same key (kept in sessionStorage, so a retry after a lost answer or a reload
 * replays the first order instead of placing a second); a changed cart or choice gets a new one
 * (the API refuses a key reused with another body).
 */
export function checkoutKey(userId: number, value: Cart, body: unknown = null): string {
  const fingerprint = `${cartFingerprint(value)}|${JSON.stringify(body)}`;
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

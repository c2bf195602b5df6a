import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, base, call, login, openBrowser, watch } from "./browser.ts";

// Pictures and variants in Chromium: the admin (through the API) makes a coffee in three sizes, M
// sold out, with a picture for S and one for L; a shopper sees the picture on the card and on the
// product's page (sized before it loads), cannot pick M, picks L, sees L's price and picture, and
// orders it through the checkout step; the order names L, and only L's stock went down. A visitor's
// chosen size stays in the browser's cart and moves into the account on logging in. The product
// page with its picker is screenshotted to docs/screenshots/product-variants.png.

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "docs/screenshots");
const tag = crypto.randomUUID().slice(0, 4).toUpperCase();
const productName = `${tag} House Blend`;
const sku = (size: string) => `E2E-${tag}-BLEND-${size}`;
const SMALL_BAG = "A small yellow coffee bag";
const LARGE_BAG = "A large red coffee bag";
const PASSWORD = "shopper-password-1";
/** A country only this file ships to, with this file's own shipping method. */
const COUNTRY = "AT";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageWatch: ReturnType<typeof watch>;
let categoryId: number;
let productId: number;
/** The product's variants by size. */
const variants = new Map<string, { id: number; price: string; stock: number }>();
let shopperEmail: string;

async function upload(token: string, file: string, alt: string): Promise<{ id: number; url: string; width: number; height: number }> {
  const res = await fetch(`${base}/api/products/${productId}/images?alt=${encodeURIComponent(alt)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "image/png" },
    body: fs.readFileSync(path.join(root, "scripts/lib/demo-images", file)),
  });
  expect(res.status).toBe(201);
  return res.json();
}

/** An <img> as the browser has it: its attributes, and whether its bytes arrived and decoded. */
async function picture(img: Locator): Promise<{ width: string | null; height: string | null; loading: string | null; src: string; loaded: boolean }> {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
  return img.evaluate((el: HTMLImageElement) => ({
    width: el.getAttribute("width"),
    height: el.getAttribute("height"),
    loading: el.getAttribute("loading"),
    src: el.currentSrc,
    loaded: el.naturalWidth === 320 && el.naturalHeight === 320,
  }));
}

beforeAll(async () => {
  const adminToken = await login(admin.email, admin.password);
  const category = await call("POST", "/api/categories", { token: adminToken, body: { name: `E2E ${tag} Coffee`, description: "Made by the catalog test" } });
  expect(category.status).toBe(201);
  categoryId = category.body.id;
  const product = await call("POST", "/api/products", {
    token: adminToken,
    body: {
      name: productName,
      description: "Whole beans, roasted on Mondays.",
      category_id: categoryId,
      options: [{ name: "Size", values: ["S", "M", "L"] }],
      variants: [
        { sku: sku("S"), options: { Size: "S" }, price: "9.50", stock: 5 },
        { sku: sku("M"), options: { Size: "M" }, price: "17.00", stock: 0 },
        { sku: sku("L"), options: { Size: "L" }, price: "29.00", stock: 3 },
      ],
    },
  });
  expect(product.status).toBe(201);
  productId = product.body.id;
  for (const v of product.body.variants) variants.set(v.options.Size, { id: v.id, price: v.price, stock: v.stock });

  // Demo pictures from the repository: S shows the small bag (also the product's first picture), L the large one.
  const small = await upload(adminToken, "coffee-yirgacheffe.png", SMALL_BAG);
  const large = await upload(adminToken, "coffee-huila.png", LARGE_BAG);
  expect([small.width, small.height, large.width, large.height]).toEqual([320, 320, 320, 320]);
  for (const [size, image] of [["S", small], ["L", large]] as const) {
    const res = await call("PATCH", `/api/products/${productId}/variants/${variants.get(size)!.id}`, { token: adminToken, body: { image_id: image.id } });
    expect(res.status).toBe(200);
  }

  const method = await call("POST", "/api/admin/shipping-methods", { token: adminToken, body: { name: `${tag} Parcel`, price: "5.00", countries: [COUNTRY] } });
  expect(method.status).toBe(201);

  shopperEmail = `catalog-${tag.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  expect((await call("POST", "/api/auth/register", { body: { email: shopperEmail, password: PASSWORD } })).status).toBe(201);

  ({ browser, context, page, watched: pageWatch } = await openBrowser({ width: 1280, height: 800 }));
});

afterAll(async () => {
  await browser?.close();
});

describe("catalog pictures and variants in a real browser", { timeout: 120_000 }, () => {
  it("shows the product's first picture on its catalog card, sized by its width and height, loaded lazily", async () => {
    await page.goto(`${base}/#/login`);
    await page.getByLabel("Email").fill(shopperEmail);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    // The login screen moves on to its `next` (here /) once the user has loaded: wait for that, or it
    // can land after the goto below and replace the category's listing with the whole catalog.
    await page.waitForURL((url) => url.hash === "#/");

    await page.goto(`${base}/#/?category=${categoryId}`);
    const card = page.getByRole("list", { name: "Products" }).getByRole("listitem").filter({ hasText: productName });
    await card.waitFor();
    const img = card.getByRole("img", { name: SMALL_BAG });
    expect(await picture(img)).toMatchObject({ width: "320", height: "320", loading: "lazy", loaded: true });
    // Prices differ between sizes: the card says where they start; the size is chosen on the product's page.
    expect(await card.innerText()).toContain("From 9.50");
    await card.getByRole("link", { name: `Choose options for ${productName}` }).click();
    await page.getByRole("heading", { name: productName }).waitFor();
  });

  it("shows each size's price and stock, starts on S, cannot pick the sold-out M, and follows L's price and picture", async () => {
    const main = page.locator(".gallery-main");
    expect(await picture(main)).toMatchObject({ width: "320", height: "320", loading: "eager", loaded: true });
    expect(await main.getAttribute("alt")).toBe(SMALL_BAG);
    // The other picture waits below the main one, lazily.
    expect(await page.getByRole("button", { name: `Picture 2 of 2: ${LARGE_BAG}` }).locator("img").getAttribute("loading")).toBe("lazy");

    const sizes = page.getByRole("group", { name: "Size" });
    const size = (value: string) => sizes.getByRole("radio", { name: new RegExp(`^${value}\\b`) });
    expect(await sizes.getByRole("radio").count()).toBe(3);
    expect(await size("S").isChecked()).toBe(true);
    expect(await size("M").isDisabled()).toBe(true);
    expect(await size("L").isDisabled()).toBe(false);
    expect(await sizes.locator("label").allInnerTexts()).toEqual([
      expect.stringMatching(/S\s*9\.50 · Only 5 left/),
      expect.stringMatching(/M\s*17\.00 · Out of stock/),
      expect.stringMatching(/L\s*29\.00 · Only 3 left/),
    ]);
    const shown = page.locator(".product-info .big");
    expect(await shown.innerText()).toMatch(new RegExp(`9\\.50 Only 5 left\\s+SKU: ${sku("S")}`));

    // From the keyboard the arrow keys go from S straight to L: M cannot be picked.
    await size("S").focus();
    await page.keyboard.press("ArrowRight");
    expect(await size("L").isChecked()).toBe(true);
    expect(await size("M").isChecked()).toBe(false);
    await expect.poll(() => shown.innerText()).toMatch(new RegExp(`29\\.00 Only 3 left\\s+SKU: ${sku("L")}`));
    await expect.poll(() => main.getAttribute("alt")).toBe(LARGE_BAG);
    expect(await picture(main)).toMatchObject({ width: "320", height: "320", loaded: true });
    expect(await page.getByLabel("Quantity").getAttribute("max")).toBe("3");
    await page.screenshot({ path: path.join(screenshots, "product-variants.png"), animations: "disabled" });
  });

  it("adds L by its variant id, shows it in the cart and orders it; only L's stock goes down", async () => {
    const added = page.waitForRequest((r) => r.url() === `${base}/api/cart/items` && r.method() === "POST");
    await page.getByRole("button", { name: "Add to cart" }).click();
    expect((await added).postDataJSON()).toEqual({ variant_id: variants.get("L")!.id, quantity: 1 });
    await page.getByRole("link", { name: "Cart 1 items" }).waitFor();
    await page.getByText(`Added 1 × ${productName} (Size: L) to the cart.`).waitFor();

    await page.getByRole("link", { name: "Cart 1 items" }).click();
    const line = page.getByRole("list", { name: "Cart items" }).getByRole("listitem");
    await line.waitFor();
    expect(await line.innerText()).toMatch(/Size: L[\s\S]*29\.00 each/);
    expect((await picture(line.locator("img"))).src).toMatch(/\/images\/[0-9a-f]{64}$/);

    // The checkout step: an address to ship to, then this file's shipping on top of L's 29.00.
    await page.getByRole("link", { name: "Check out" }).click();
    await page.getByRole("heading", { name: "Checkout" }).waitFor();
    const address = page.getByRole("form", { name: "New address" });
    await address.getByLabel("Full name").fill("Cat Shopper");
    await address.getByLabel("Street and number").fill("Graben 1");
    await address.getByLabel("City", { exact: true }).fill("Wien");
    await address.getByLabel("Country").selectOption(COUNTRY);
    await address.getByRole("button", { name: "Ship here" }).click();
    await page.getByRole("radio", { name: new RegExp(`${tag} Parcel`) }).waitFor();
    await expect.poll(() => page.getByTestId("total").innerText()).toBe("34.00");
    const placeOrder = page.getByRole("button", { name: "Place order" });
    await expect.poll(() => placeOrder.isEnabled()).toBe(true);

    const placed = page.waitForResponse((r) => r.url() === `${base}/api/orders` && r.request().method() === "POST" && r.status() === 201);
    await placeOrder.click();
    const order = await (await placed).json();
    await page.getByRole("heading", { name: `Order #${order.id}` }).waitFor();
    const item = page.getByRole("list", { name: "Items" }).getByRole("listitem");
    expect(await item.innerText()).toContain(`Size: L · SKU: ${sku("L")}`);
    expect(await picture(item.locator("img"))).toMatchObject({ loaded: true });

    expect(order.items).toEqual([expect.objectContaining({ variant_id: variants.get("L")!.id, sku: sku("L"), options: { Size: "L" }, unit_price: "29.00", quantity: 1 })]);
    const after = await call("GET", `/api/products/${productId}`);
    const stock = Object.fromEntries(after.body.variants.map((v: { options: { Size: string }; stock: number }) => [v.options.Size, v.stock]));
    expect(stock).toEqual({ S: 5, M: 0, L: 2 });
  });

  it("keeps a visitor's chosen size in the browser's cart, and moves that variant into the account on logging in", async () => {
    const guest = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const guestWatch = watch(guest);
    const visitor = await guest.newPage();
    const sent: string[] = [];
    visitor.on("request", (r) => {
      if (r.url() === `${base}/api/cart/items`) sent.push(r.method());
    });
    await visitor.goto(`${base}/#/products/${productId}`);
    await visitor.getByRole("heading", { name: productName }).waitFor();
    expect(await visitor.getByRole("group", { name: "Size" }).getByRole("radio", { name: /^S\b/ }).isChecked()).toBe(true);
    await visitor.getByLabel("Quantity").fill("2");
    await visitor.getByRole("button", { name: "Add to cart" }).click();
    await visitor.getByText(`Added 2 × ${productName} (Size: S) to the cart.`).waitFor();
    // Signed out, nothing went to the server: the line is this browser's, by variant and product.
    expect(sent).toEqual([]);
    expect(JSON.parse((await visitor.evaluate(() => localStorage.getItem("edge-shop.guest-cart")))!)).toEqual([
      { variant_id: variants.get("S")!.id, product_id: productId, quantity: 2 },
    ]);

    await visitor.getByRole("link", { name: "Cart 2 items" }).click();
    const line = visitor.getByRole("list", { name: "Cart items" }).getByRole("listitem");
    await line.waitFor();
    expect(await line.innerText()).toMatch(/Size: S[\s\S]*9\.50 each[\s\S]*19\.00/);
    expect(await picture(line.locator("img"))).toMatchObject({ loaded: true });
    await visitor.getByRole("button", { name: `Remove ${productName} (Size: S)` }).waitFor();

    // Logging in moves the line into the account's cart (empty since the order above).
    await visitor.getByRole("link", { name: "Log in" }).click();
    await visitor.getByLabel("Email").fill(shopperEmail);
    await visitor.getByLabel("Password").fill(PASSWORD);
    const moved = visitor.waitForResponse((r) => r.url() === `${base}/api/cart/items` && r.request().method() === "POST");
    await visitor.getByRole("button", { name: "Log in" }).click();
    expect((await moved).status()).toBe(200);
    await visitor.getByRole("button", { name: "Log out" }).waitFor();
    await visitor.getByRole("link", { name: "Cart 2 items" }).waitFor();
    expect(await visitor.evaluate(() => localStorage.getItem("edge-shop.guest-cart"))).toBeNull();
    const token = await login(shopperEmail, PASSWORD);
    expect((await call("GET", "/api/cart", { token })).body.items).toMatchObject([{ variant_id: variants.get("S")!.id, quantity: 2 }]);
    expect(guestWatch.errors).toEqual([]);
    expect(guestWatch.foreign).toEqual([]);
    expect(guestWatch.failures).toEqual([]);
    await guest.close();
  });

  it("logged no console error, asked no other origin for anything, and met no failed answer", () => {
    pageWatch.expectClean();
  });
});

import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { admin, base, call, cspDirectives, launchChromium, login, watch } from "./browser.ts";

// The storefront at / in Chromium, as two people use it at once: a shopper (one browser context)
// browses, filters, fills a cart (first as a visitor, then signed in), checks out and orders; an admin (another context) runs the catalog and ships
// the order; the shopper's page follows every status change live, also across a dropped socket.
// Screenshots of the main screens go to docs/screenshots/ (linked from the README).

const screenshots = path.resolve(import.meta.dirname, "../../docs/screenshots");
const tag = crypto.randomUUID().slice(0, 4).toUpperCase();
const categoryName = `E2E ${tag} Mugs`;
const mug = (i: number) => `${tag} Mug ${String(i).padStart(2, "0")}`;
const PASSWORD = "shopper-password-1";
/** A country only this file ships to, with this file's own shipping method. */
const COUNTRY = "NL";
let shopperEmail = "";

let browser: Browser;
let shopperContext: BrowserContext;
let adminContext: BrowserContext;
let shopper: Page;
let adminPage: Page;
let shopperWatch: ReturnType<typeof watch>;
/** What the tab's authenticated reads answer while a forged access token is in place. */
const FORGED_TOKEN_REFUSAL = /^401 GET \/api\/(orders|notifications)$/;
let adminWatch: ReturnType<typeof watch>;
let adminToken: string;
let categoryId: number;
const productIds = new Map<string, number>();
let orderId: number;
/** Every WebSocket the shopper's page opened. */
const socketUrls: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: "disabled" });
}

const productCards = (page: Page) => page.getByRole("list", { name: "Products" }).getByRole("listitem");
const cardNames = (page: Page) => productCards(page).locator(".product-name").allInnerTexts();
const statusBadge = (page: Page) => page.locator(".order-status .badge");

/** The session the tabs share through localStorage: the access token and its expiry, nothing more. */
async function sessionOf(page: Page): Promise<{ access: string; expiresAt: number }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("edge-shop.session") ?? "null"));
}

/** The refresh token: only in the browser's cookie jar (HttpOnly), never where a script can read it. */
async function refreshCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "refresh_token");
}

/** Everything the page's scripts can read: both web storages and document.cookie. */
function scriptReadable(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
}

/** The refresh cookie is there, as the server means it, and its token is nowhere a script can read. */
async function expectRefreshOnlyInCookie(context: BrowserContext, page: Page): Promise<string> {
  const cookie = await refreshCookie(context);
  expect(cookie, "refresh cookie").toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/auth" });
  expect(cookie!.value.length).toBeGreaterThan(20);
  expect(await scriptReadable(page)).not.toContain(cookie!.value);
  expect(Object.keys(await sessionOf(page)).sort()).toEqual(["access", "expiresAt"]);
  return cookie!.value;
}

/** Starts listening for another tab's next localStorage write; the returned wait ends once the page saw it (after the app, which listens first). */
async function nextStorageEvent(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (window as unknown as { storageSeen: Promise<void> }).storageSeen = new Promise((resolve) => window.addEventListener("storage", () => resolve(), { once: true }));
  });
  return () => page.evaluate(() => (window as unknown as { storageSeen: Promise<void> }).storageSeen);
}

beforeAll(async () => {
  adminToken = await login(admin.email, admin.password);
  const category = await call("POST", "/api/categories", { token: adminToken, body: { name: categoryName, description: "Made by the storefront test" } });
  expect(category.status).toBe(201);
  categoryId = category.body.id;
  // 13 mugs (one page of 12 plus one behind "More"), 11.00 to 23.00; the last one sold out.
  for (let i = 1; i <= 13; i++) {
    const res = await call("POST", "/api/products", {
      token: adminToken,
      body: { name: mug(i), description: `Stoneware mug number ${i}.`, price: `${10 + i}.00`, stock: i === 13 ? 0 : 5, category_id: categoryId },
    });
    expect(res.status).toBe(201);
    productIds.set(mug(i), res.body.id);
  }
  const method = await call("POST", "/api/admin/shipping-methods", { token: adminToken, body: { name: `${tag} Post`, price: "4.90", countries: [COUNTRY] } });
  expect(method.status).toBe(201);
  browser = await launchChromium();
  shopperContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  shopperWatch = watch(shopperContext);
  adminWatch = watch(adminContext);
  shopper = await shopperContext.newPage();
  shopper.on("websocket", (ws) => socketUrls.push(ws.url()));
  adminPage = await adminContext.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe("storefront in a real browser: a shopper and an admin at the same time", { timeout: 120_000 }, () => {
  it("serves the storefront as a static page under its own Content-Security-Policy", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = cspDirectives(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toEqual(["'none'"]);
    for (const [name, values] of csp) expect(values.filter((v) => !["'self'", "'none'"].includes(v)), name).toEqual([]);
  });

  it("lets the admin create a category and a product, edit it and adjust its stock", async () => {
    await adminPage.goto(`${base}/#/login`);
    await adminPage.getByLabel("Email").fill(admin.email);
    await adminPage.getByLabel("Password").fill(admin.password);
    await adminPage.getByRole("button", { name: "Log in" }).click();
    await adminPage.getByRole("link", { name: "Admin" }).waitFor();
    await adminPage.goto(`${base}/#/admin/products`);
    await adminPage.getByRole("heading", { name: "Manage products" }).waitFor();

    await adminPage.getByText("New category").click();
    await adminPage.getByLabel("Name", { exact: true }).fill(`${categoryName} and Teapots`);
    await adminPage.getByRole("button", { name: "Create category" }).click();
    await adminPage.getByText(`Category ${categoryName} and Teapots created.`).waitFor();

    await adminPage.getByRole("link", { name: "New product" }).click();
    await adminPage.getByRole("heading", { name: "New product" }).waitFor();
    const teapot = `${tag} Teapot`;
    await adminPage.getByLabel("Name", { exact: true }).fill(teapot);
    await adminPage.getByLabel("Description").fill("Cast iron, 0.8 l.");
    await adminPage.getByLabel("Price").fill("18.50");
    await adminPage.getByLabel("Stock", { exact: true }).fill("4");
    await adminPage.getByLabel("Category").selectOption({ label: `${categoryName} and Teapots` });
    await adminPage.getByRole("button", { name: "Create product" }).click();
    await adminPage.getByRole("heading", { name: `Edit ${teapot}` }).waitFor();
    const id = Number(/#\/admin\/products\/(\d+)/.exec(adminPage.url())?.[1]);
    expect(id).toBeGreaterThan(0);

    await adminPage.getByLabel("Price").fill("17.25");
    await adminPage.getByRole("button", { name: "Save changes" }).click();
    await adminPage.getByText(`${teapot} saved.`).waitFor();
    await adminPage.getByLabel(`Stock change for ${teapot}`).fill("3");
    await adminPage.getByRole("button", { name: `Apply stock change to ${teapot}` }).click();
    await adminPage.getByText(`${teapot}: stock is now 7.`).waitFor();
    await shot(adminPage, "admin-product");

    const saved = await call("GET", `/api/products/${id}`);
    expect(saved.body).toMatchObject({ name: teapot, price: "17.25", stock: 7, category: { name: `${categoryName} and Teapots` } });
  });

  it("lets a visitor browse by category, load more, filter by stock and price, sort and search", async () => {
    await shopper.goto(`${base}/`);
    await shopper.getByRole("heading", { name: "Products" }).waitFor();
    await shopper.getByLabel("Category").selectOption({ label: categoryName });
    await expect.poll(() => shopper.getByText("13 products, showing 12").isVisible()).toBe(true);
    expect(await productCards(shopper).count()).toBe(12);
    await shot(shopper, "catalog");

    await shopper.getByRole("button", { name: "More products" }).click();
    await expect.poll(() => productCards(shopper).count()).toBe(13);
    await expect.poll(() => shopper.getByRole("button", { name: "More products" }).count()).toBe(0);

    await shopper.getByLabel("In stock only").check();
    await expect.poll(() => shopper.getByText("12 products", { exact: true }).isVisible()).toBe(true);
    expect(await cardNames(shopper)).not.toContain(mug(13));

    await shopper.getByLabel("Sort by").selectOption({ label: "Price, high to low" });
    await expect.poll(async () => (await cardNames(shopper))[0]).toBe(mug(12));

    await shopper.getByLabel("Min price").fill("15");
    await shopper.getByLabel("Max price").fill("18");
    await shopper.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => cardNames(shopper)).toEqual([mug(8), mug(7), mug(6), mug(5)]);

    await shopper.getByLabel("Search").fill(mug(6));
    await shopper.getByLabel("Search").press("Enter");
    await expect.poll(() => cardNames(shopper)).toEqual([mug(6)]);
    // Only documented parameters reach the API (unknown ones are a 400 there).
    const url = new URL(shopper.url());
    expect(Object.fromEntries(new URLSearchParams(url.hash.split("?")[1]))).toEqual({
      search: mug(6),
      category: String(categoryId),
      min_price: "15",
      max_price: "18",
      in_stock: "true",
      ordering: "-price",
    });
  });

  it("keeps a visitor's cart in the browser, takes it through registration into the account, then fills and edits the cart", async () => {
    await shopper.getByRole("link", { name: mug(6) }).click();
    await shopper.getByRole("heading", { name: mug(6) }).waitFor();
    await shopper.getByRole("button", { name: "Add to cart" }).click();
    // Signed out, the cart is the browser's; checking out offers to log in (or to continue as a guest).
    await shopper.getByRole("link", { name: "Cart 1 items" }).click();
    await shopper.getByRole("heading", { name: "Your cart" }).waitFor();
    await shopper.getByRole("link", { name: "Check out" }).click();
    await shopper.getByRole("heading", { name: "Checkout" }).waitFor();
    await shopper.getByRole("main").getByRole("link", { name: "Log in" }).click();
    await shopper.getByRole("heading", { name: "Log in" }).waitFor();
    await shopper.getByRole("link", { name: "Create an account" }).click();
    // The login form also has an Email field: fill only once the registration form has replaced it.
    await shopper.getByRole("heading", { name: "Create an account" }).waitFor();
    shopperEmail = `shopper-${tag.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await shopper.getByLabel("Email").fill(shopperEmail);
    await shopper.getByLabel("Password").fill(PASSWORD);
    await shopper.getByRole("button", { name: "Create account" }).click();
    // Back at checkout, signed in, with a live notification socket and the visitor's cart in the account.
    await shopper.getByRole("heading", { name: "Checkout" }).waitFor();
    await shopper.locator('.live-indicator[data-state="live"]').waitFor();
    // The refresh token lives in the HttpOnly cookie only; the socket opened with a ticket, no token in its URL.
    await expectRefreshOnlyInCookie(shopperContext, shopper);
    const { access } = await sessionOf(shopper);
    expect(socketUrls.length).toBeGreaterThan(0);
    for (const url of socketUrls) {
      expect(url).toMatch(/\/api\/notifications\/ws\?ticket=[\w-]+$/);
      expect(url).not.toContain(access);
    }
    await shopper.getByRole("link", { name: "Cart 1 items" }).waitFor();
    expect(await shopper.evaluate(() => localStorage.getItem("edge-shop.guest-cart"))).toBeNull();

    await shopper.goto(`${base}/#/products/${productIds.get(mug(6))}`);
    await shopper.getByRole("heading", { name: mug(6) }).waitFor();
    await shopper.getByLabel("Quantity").fill("1");
    await shopper.getByRole("button", { name: "Add to cart" }).click();
    await shopper.getByRole("link", { name: "Cart 2 items" }).waitFor();
    const token = (await sessionOf(shopper)).access;
    expect((await call("GET", "/api/cart", { token })).body.items).toMatchObject([{ variant_id: productIds.get(mug(6)), quantity: 2 }]);
    await shot(shopper, "product");

    await shopper.goto(`${base}/#/?category=${categoryId}&in_stock=true`);
    await shopper.getByRole("button", { name: `Add ${mug(7)} to cart` }).click();
    await shopper.getByRole("link", { name: "Cart 3 items" }).waitFor();

    await shopper.getByRole("link", { name: "Cart 3 items" }).click();
    await shopper.getByRole("heading", { name: "Your cart" }).waitFor();
    await shopper.getByLabel(`Quantity of ${mug(6)}`).fill("3");
    await shopper.getByLabel(`Quantity of ${mug(6)}`).press("Tab");
    await shopper.getByRole("link", { name: "Cart 4 items" }).waitFor();
    await shopper.getByRole("button", { name: `Remove ${mug(7)}` }).click();
    await shopper.getByRole("link", { name: "Cart 3 items" }).waitFor();
    await expect.poll(() => shopper.locator(".total").innerText()).toContain("48.00");
  });

  it("checks out with a new address, names the short product of a refused order, fixes it in one click, and makes one order of a double click", async () => {
    await shopper.getByRole("link", { name: "Check out" }).click();
    await shopper.getByRole("heading", { name: "Checkout" }).waitFor();
    // No address yet: the checkout asks for one, then quotes 3 × 16.00 with this file's shipping.
    const address = shopper.getByRole("form", { name: "New address" });
    await address.getByLabel("Full name").fill("Sam Shopper");
    await address.getByLabel("Street and number").fill("Keizersgracht 1");
    await address.getByLabel("City", { exact: true }).fill("Amsterdam");
    await address.getByLabel("Country").selectOption(COUNTRY);
    await address.getByRole("button", { name: "Ship here" }).click();
    await shopper.getByRole("radio", { name: new RegExp(`${tag} Post`) }).waitFor();
    await expect.poll(() => shopper.getByTestId("total").innerText()).toBe("52.90");

    // Meanwhile the admin sells off all but 2 of that mug.
    await adminPage.goto(`${base}/#/admin/products?search=${encodeURIComponent(mug(6))}`);
    await adminPage.getByLabel(`Stock change for ${mug(6)}`).fill("-3");
    await adminPage.getByRole("button", { name: `Apply stock change to ${mug(6)}` }).click();
    await adminPage.getByText(`${mug(6)}: stock is now 2.`).waitFor();

    await shopper.getByRole("button", { name: "Place order" }).click();
    const alert = shopper.getByRole("alert").filter({ hasText: mug(6) });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(new RegExp(`${mug(6)}: only 2 available, you asked for 3`));
    await shot(shopper, "cart-conflict");
    await alert.getByRole("button", { name: "Take 2" }).click();
    await shopper.getByRole("link", { name: "Cart 2 items" }).waitFor();
    await expect.poll(() => shopper.getByRole("alert").count()).toBe(0);
    await expect.poll(() => shopper.getByTestId("total").innerText()).toBe("36.90");
    await expect.poll(() => shopper.getByRole("button", { name: "Place order" }).isEnabled()).toBe(true);

    const placed = shopper.waitForResponse((r) => r.url() === `${base}/api/orders` && r.request().method() === "POST" && r.status() === 201);
    await shopper.getByRole("button", { name: "Place order" }).dblclick();
    const order = await (await placed).json();
    orderId = order.id;
    await shopper.getByRole("heading", { name: `Order #${orderId}` }).waitFor();
    await expect.poll(() => statusBadge(shopper).innerText()).toBe("pending");

    const token = (await sessionOf(shopper)).access;
    const orders = await call("GET", "/api/orders", { token });
    expect(orders.body.results.map((o: { id: number }) => o.id)).toEqual([orderId]);
    expect((await call("GET", `/api/products/${productIds.get(mug(6))}`)).body.stock).toBe(0);
  });

  it("shows the admin's 'shipped' on the shopper's order page within 1 s, without a reload", async () => {
    await shopper.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await adminPage.goto(`${base}/#/admin/orders?status=pending`);
    // `shipped` requires `paid`: the admin records the (offline) payment first, then ships.
    const pay = adminPage.getByRole("button", { name: `Mark paid: order ${orderId}` });
    await pay.waitFor();
    await shot(adminPage, "admin-orders");
    const paid = adminPage.waitForResponse((r) => r.url() === `${base}/api/admin/orders/${orderId}` && r.request().method() === "PATCH");
    await pay.click();
    expect((await paid).status()).toBe(200);
    const ship = adminPage.getByRole("button", { name: `Mark shipped: order ${orderId}` });
    await ship.waitFor();
    const patched = adminPage.waitForResponse((r) => r.url() === `${base}/api/admin/orders/${orderId}` && r.request().method() === "PATCH");
    await ship.click();
    expect((await patched).status()).toBe(200);
    const committed = Date.now();
    await shopper.locator('.order-status .badge[data-status="shipped"]').waitFor({ timeout: 1000 });
    const shownAfter = Date.now() - committed;
    console.info(`storefront: "shipped" shown ${shownAfter} ms after the admin's PATCH answered`);
    expect(shownAfter).toBeLessThan(1000);
    expect(await shopper.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await expect.poll(() => shopper.getByTestId("unread-count").innerText()).toBe("2"); // paid, shipped
    await shot(shopper, "order");
  });

  it("catches up after the server closed its socket: a change made while it was away shows after the reconnect", async () => {
    // The server closes the page's socket itself: a user holds at most 20 sockets, and the shopper
    // opens 20 more from another session, so the oldest (the page's) is closed with 4002.
    const otherSession = await login(shopperEmail, PASSWORD);
    // Twenty upgrades at once each read Postgres within DATABASE_TIMEOUT_MS (1 s); on a loaded machine
    // a cold bridge pool can miss that and answer 503 (Retry-After), which a client retries, as here.
    const openOne = async (attempt = 1): Promise<WebSocket> => {
      const ws = new WebSocket(`${base.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(otherSession)}`);
      const refused = await new Promise<number | null>((resolve, reject) => {
        ws.once("open", () => resolve(null));
        ws.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        ws.once("error", reject);
      });
      if (refused === null) return ws;
      ws.terminate();
      if (refused !== 503 || attempt >= 3) throw new Error(`the socket was refused with ${refused}`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
      return openOne(attempt + 1);
    };
    const crowd = await Promise.all(Array.from({ length: 20 }, () => openOne()));
    try {
      await shopper.locator('.live-indicator[data-state="paused"]').waitFor({ timeout: 10_000 });

      await adminPage.getByRole("link", { name: "Shipped" }).click();
      const patched = adminPage.waitForResponse((r) => r.url() === `${base}/api/admin/orders/${orderId}` && r.request().method() === "PATCH");
      await adminPage.getByRole("button", { name: `Mark delivered: order ${orderId}` }).click();
      expect((await patched).status()).toBe(200);
      expect((await call("GET", `/api/orders/${orderId}`, { token: (await sessionOf(shopper)).access })).body.status).toBe("delivered");
      expect(await statusBadge(shopper).innerText()).toBe("shipped"); // away: it cannot know yet
    } finally {
      for (const ws of crowd) ws.close(1000);
    }

    const catchUp = shopper.waitForRequest((r) => /\/api\/notifications\?after=\d+/.test(r.url()));
    await shopper.getByRole("button", { name: "Resume" }).click();
    await catchUp;
    await shopper.locator('.order-status .badge[data-status="delivered"]').waitFor({ timeout: 10_000 });
    await shopper.locator('.live-indicator[data-state="live"]').waitFor();
    expect(await shopper.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await expect.poll(() => shopper.getByTestId("unread-count").innerText()).toBe("3");
  });

  it("lists the notifications with the unread count and marks them read", async () => {
    await shopper.getByRole("link", { name: /^Notifications/ }).click();
    const list = shopper.getByRole("list", { name: "Notifications" });
    await expect.poll(() => list.getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`Order #${orderId} is now delivered`)),
      expect.stringMatching(new RegExp(`Order #${orderId} is now shipped`)),
      expect.stringMatching(new RegExp(`Order #${orderId} is now paid`)),
    ]);
    await shopper.getByText("3 unread").waitFor();
    await shot(shopper, "notifications");
    await shopper.getByRole("button", { name: "Mark all read" }).click();
    await shopper.getByText("Nothing unread").waitFor();
    await expect.poll(() => shopper.getByTestId("unread-count").innerText()).toBe("0");
  });

  it("refreshes the session silently, after a 401 and before expiry, and shares it between tabs", async () => {
    const before = await sessionOf(shopper);
    const refreshBefore = await expectRefreshOnlyInCookie(shopperContext, shopper);
    // Another tab writes a session whose access token the server refuses: this tab adopts it (the
    // storage event), meets the 401 on its next call, refreshes, and sends the call again.
    const other = await shopperContext.newPage();
    await other.goto(`${base}/#/`);
    let adopted = await nextStorageEvent(shopper);
    const failuresBefore = shopperWatch.failures.length;
    await other.evaluate((s) => localStorage.setItem("edge-shop.session", JSON.stringify({ ...s, access: "not-a-token" })), before);
    await adopted();
    const refusedThenRefreshed = shopper.waitForResponse((r) => r.url() === `${base}/api/auth/refresh` && r.status() === 200);
    await shopper.getByRole("link", { name: "Orders" }).click();
    await refusedThenRefreshed;
    await shopper.getByRole("link", { name: `Order #${orderId}` }).waitFor();
    // The orders page's call, or the unread count or catch-up the tab sent in that moment, met the
    // 401 first; the refresh answered it, and nothing else failed.
    const refusals = shopperWatch.failures.slice(failuresBefore);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((f) => FORGED_TOKEN_REFUSAL.test(f)), refusals.join(", ")).toBe(true);
    const afterRefusal = await sessionOf(shopper);
    const refreshAfterRefusal = await expectRefreshOnlyInCookie(shopperContext, shopper);
    expect(refreshAfterRefusal).not.toBe(refreshBefore);
    expect(afterRefusal.access).not.toBe("not-a-token");
    expect(afterRefusal.access).not.toBe(before.access);

    // An access token about to expire is refreshed before the call goes out.
    adopted = await nextStorageEvent(shopper);
    await other.evaluate((s) => localStorage.setItem("edge-shop.session", JSON.stringify({ ...s, expiresAt: Date.now() - 1000 })), afterRefusal);
    await adopted();
    await other.close();
    const refreshed = shopper.waitForResponse((r) => r.url() === `${base}/api/auth/refresh` && r.status() === 200);
    const loaded = shopper.waitForResponse((r) => r.url() === `${base}/api/cart` && r.status() === 200);
    await shopper.getByRole("link", { name: /^Cart/ }).click();
    await refreshed;
    await loaded;
    await shopper.getByText("Your cart is empty.").waitFor();
    const afterExpiry = await sessionOf(shopper);
    expect(await expectRefreshOnlyInCookie(shopperContext, shopper)).not.toBe(refreshAfterRefusal);
    expect(afterExpiry.expiresAt).toBeGreaterThan(Date.now());
  });

  it("logs out: the session is revoked on the server and forgotten in the browser", async () => {
    const refresh = await expectRefreshOnlyInCookie(shopperContext, shopper);
    const revoked = shopper.waitForResponse((r) => r.url() === `${base}/api/auth/logout` && r.status() === 204);
    await shopper.getByRole("button", { name: "Log out" }).click();
    await revoked;
    await shopper.getByRole("link", { name: "Log in" }).waitFor();
    expect(await shopper.locator(".live-indicator").count()).toBe(0);
    expect(await shopper.evaluate(() => localStorage.getItem("edge-shop.session"))).toBeNull();
    expect(await refreshCookie(shopperContext), "the server cleared the refresh cookie").toBeUndefined();
    expect((await call("POST", "/api/auth/refresh", { body: { refresh } })).status).toBe(401);
  });

  it("works at 375 px and from the keyboard", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const phoneWatch = watch(phone);
    const page = await phone.newPage();
    await page.goto(`${base}/#/?category=${categoryId}`);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await expect.poll(() => productCards(page).count()).toBe(12);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, "catalog-mobile.png"), animations: "disabled" });

    // The first Tab reaches "Skip to content", which moves focus to the page's content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    // Keyboard only: open a product from its link and add it to the (visitor's) cart.
    await page.getByRole("link", { name: mug(2) }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: mug(2) }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Add to cart" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Cart 1 items" }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    phoneWatch.expectClean();
    await phone.close();
  });

  it("logged no console error, asked no other origin for anything, and met only the refusals it was meant to", () => {
    // The refused order (409, not enough stock). The forged access token's 401s (then a refresh)
    // are checked where they happen: which of the tab's calls meets one first is timing.
    shopperWatch.expectClean(["409 POST /api/orders"], [FORGED_TOKEN_REFUSAL]);
    adminWatch.expectClean();
  });
});

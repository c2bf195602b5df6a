import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, base, call, login, openBrowser, watch } from "./browser.ts";

// The admin screens in Chromium, checked against the API after each change: a product with an
// option and two variants, its pictures (uploaded from real files, reordered, renamed, deleted),
// shipping methods, tax rates and discount codes, and a shopper's order paid offline and partly
// refunded. Screenshots of the editors go to docs/screenshots/ (linked from docs/design/storefront.md).

const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "docs/screenshots");
const tag = crypto.randomUUID().slice(0, 4).toUpperCase();
const productName = `${tag} Linen Apron`;
const skuS = `${tag}-APRON-S`;
const skuM = `${tag}-APRON-M`;
/** A country and a region of it that only this file's shipping method and tax rate name. */
const country = "MT";
const region = `Region ${tag}`;
const methodName = `${tag} Courier`;
const code = `E2E-${tag}`;

/** Two of the demo pictures (scripts/lib/demo-images/, CC0) and their size, read from the PNG header. */
const pictures = ["kettle.png", "dripper.png"].map((file) => {
  const full = path.join(root, "scripts/lib/demo-images", file);
  const bytes = fs.readFileSync(full);
  return { file: full, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
});

let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminWatch: ReturnType<typeof watch>;
let adminToken: string;
let categoryName: string;
let productId: number;
let methodId: number;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: "disabled", fullPage: true });
}

const product = async () => {
  const res = await call("GET", `/api/products/${productId}`);
  expect(res.status).toBe(200);
  return res.body;
};
const toast = (text: string) => page.locator(".toast").getByText(text, { exact: true }).waitFor();
const form = (name: string) => page.getByRole("form", { name, exact: true });
const variantRows = () => page.getByRole("table").locator("tbody tr");
const pictureItems = () => page.getByRole("list", { name: `Pictures of ${productName}` }).getByRole("listitem");
/** The alt texts of the thumbnails, in the order the page shows them. */
const thumbnailAlts = () => pictureItems().locator("img").evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).alt));

async function adminList<T>(path: string): Promise<T[]> {
  const res = await call("GET", `${path}?page_size=100`, { token: adminToken });
  expect(res.status).toBe(200);
  return res.body.results as T[];
}

async function openNav(label: string, heading: string): Promise<void> {
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: label, exact: true }).click();
  await page.getByRole("heading", { name: heading, exact: true, level: 1 }).waitFor();
}

/** The text of a totals list (`dl`) as { term: description }. */
async function definitions(list: Locator): Promise<Record<string, string>> {
  return list.evaluate((dl) => {
    const out: Record<string, string> = {};
    let term = "";
    for (const child of Array.from(dl.children)) {
      if (child.tagName === "DT") term = child.textContent!.trim();
      else out[term] = child.textContent!.replace(/\s+/g, " ").trim();
    }
    return out;
  });
}

beforeAll(async () => {
  adminToken = await login(admin.email, admin.password);
  categoryName = `E2E ${tag} Kitchen`;
  expect((await call("POST", "/api/categories", { token: adminToken, body: { name: categoryName, description: "Made by the admin test" } })).status).toBe(201);
  ({ browser, context, page, watched: adminWatch } = await openBrowser({ width: 1280, height: 900 }));
  await page.goto(`${base}/#/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "Admin" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
});

describe("the admin screens in a real browser", { timeout: 120_000 }, () => {
  it("creates a product, gives it an option Size S/M and two variants, and shows what the API holds", async () => {
    await page.goto(`${base}/#/admin/products`);
    await openNav("Products", "Manage products");
    await page.getByRole("link", { name: "New product" }).click();
    await page.getByRole("heading", { name: "New product" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(productName);
    await page.getByLabel("Description").fill("Washed linen, one pocket.");
    await page.getByLabel("Price").fill("24.00");
    await page.getByLabel("Stock", { exact: true }).fill("4");
    await page.getByLabel("SKU").fill(skuS);
    await page.getByLabel("Category").selectOption({ label: categoryName });
    await page.getByRole("button", { name: "Create product" }).click();
    await page.getByRole("heading", { name: `Edit ${productName}` }).waitFor();
    productId = Number(/#\/admin\/products\/(\d+)/.exec(page.url())?.[1]);
    expect(productId).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Add an option" }).click();
    await page.getByLabel("Option 1 name").fill("Size");
    await page.getByLabel("Option 1 values").fill("S, M");
    await page.getByRole("button", { name: "Save options" }).click();
    await toast(`${productName}: options saved.`);
    // The product's one variant took the first value.
    await expect.poll(() => variantRows().first().innerText()).toMatch(new RegExp(`${skuS}\\s+Size: S\\s+24\\.00\\s+4`));

    const add = form("New variant");
    await add.getByLabel("SKU").fill(skuM);
    await add.getByLabel("Size").selectOption("M");
    await add.getByLabel("Variant price").fill("26.00");
    await add.getByLabel("Initial stock").fill("3");
    await add.getByRole("button", { name: "Add variant" }).click();
    await toast(`Variant ${skuM} added.`);
    await expect.poll(() => variantRows().count()).toBe(2);

    await page.getByLabel(`Stock change for variant ${skuM}`).fill("2");
    await page.getByRole("button", { name: `Apply stock change to variant ${skuM}` }).click();
    await toast(`${skuM}: stock is now 5.`);

    await page.getByRole("button", { name: `Edit variant ${skuS}` }).click();
    const edit = form(`Edit variant ${skuS}`);
    await edit.getByLabel("Variant price").fill("22.50");
    await edit.getByRole("button", { name: "Save variant" }).click();
    await toast(`Variant ${skuS} saved.`);

    // A taken SKU: the API's problem, in words, and nothing changes.
    await page.getByRole("button", { name: `Edit variant ${skuS}` }).click();
    await edit.getByLabel("SKU").fill(skuM.toLowerCase());
    await edit.getByRole("button", { name: "Save variant" }).click();
    const alert = edit.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Another variant already has this SKU");
    await shot("admin-variants");
    await edit.getByRole("button", { name: "Cancel" }).click();

    const saved = await product();
    expect(saved).toMatchObject({ name: productName, price: "22.50", stock: 9, options: [{ name: "Size", values: ["S", "M"] }] });
    expect(saved.variants.map((v: { sku: string; options: object; price: string; stock: number }) => [v.sku, v.options, v.price, v.stock])).toEqual([
      [skuS, { Size: "S" }, "22.50", 4],
      [skuM, { Size: "M" }, "26.00", 5],
    ]);
    expect(await variantRows().allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`${skuS}\\s+Size: S\\s+22\\.50\\s+4`)),
      expect.stringMatching(new RegExp(`${skuM}\\s+Size: M\\s+26\\.00\\s+5`)),
    ]);
  });

  it("uploads two picture files, shows their thumbnails and sizes, reorders, renames and deletes them", async () => {
    for (const [i, alt] of ["Kettle", "Dripper"].entries()) {
      const upload = form("Upload a picture");
      await upload.getByLabel("Picture file").setInputFiles(pictures[i]!.file);
      await upload.getByLabel("Alt text").fill(alt);
      await upload.getByRole("button", { name: "Upload picture" }).click();
      await toast(`Uploaded ${path.basename(pictures[i]!.file)} (${pictures[i]!.width} × ${pictures[i]!.height}).`);
    }
    await expect.poll(thumbnailAlts).toEqual(["Kettle", "Dripper"]);
    // The thumbnails are the stored bytes, loaded from this origin, with their sizes beside them.
    for (const [i, item] of (await pictureItems().all()).entries()) {
      const img = item.locator("img");
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(pictures[i]!.width);
      expect(await item.locator(".image-size").innerText()).toBe(`${pictures[i]!.width} × ${pictures[i]!.height}`);
    }
    let images = (await product()).images;
    expect(images.map((im: { alt: string; width: number; height: number; position: number }) => [im.alt, im.width, im.height, im.position])).toEqual([
      ["Kettle", pictures[0]!.width, pictures[0]!.height, 0],
      ["Dripper", pictures[1]!.width, pictures[1]!.height, 1],
    ]);

    await page.getByRole("button", { name: "Move picture “Dripper” earlier" }).click();
    await toast("Moved picture “Dripper” to place 1.");
    await expect.poll(thumbnailAlts).toEqual(["Dripper", "Kettle"]);
    images = (await product()).images;
    expect(images.map((im: { alt: string }) => im.alt)).toEqual(["Dripper", "Kettle"]);

    await page.getByLabel("Alt text of picture 2").fill("Steel kettle");
    await page.getByRole("button", { name: "Save alt text of picture 2" }).click();
    await toast("Alt text of picture 2 saved.");
    await expect.poll(thumbnailAlts).toEqual(["Dripper", "Steel kettle"]);

    // The M variant shows the dripper.
    await page.getByRole("button", { name: `Edit variant ${skuM}` }).click();
    const edit = form(`Edit variant ${skuM}`);
    await edit.getByLabel("Picture").selectOption({ label: "Picture 1: Dripper" });
    await edit.getByRole("button", { name: "Save variant" }).click();
    await toast(`Variant ${skuM} saved.`);
    await variantRows().nth(1).locator("img[alt='Dripper']").waitFor();
    await shot("admin-images");

    await page.getByRole("button", { name: "Delete picture “Steel kettle”" }).click();
    await page.getByRole("button", { name: "Yes, delete picture “Steel kettle”" }).click();
    await toast("Deleted picture “Steel kettle”.");
    await expect.poll(thumbnailAlts).toEqual(["Dripper"]);
    const after = await product();
    expect(after.images.map((im: { alt: string }) => im.alt)).toEqual(["Dripper"]);
    expect(after.variants.find((v: { sku: string }) => v.sku === skuM).image_id).toBe(after.images[0].id);
  });

  it("creates and edits a shipping method, a tax rate and discount codes through the admin navigation", async () => {
    await openNav("Shipping methods", "Shipping methods");
    const newMethod = form("New shipping method");
    await newMethod.getByLabel("Name", { exact: true }).fill(methodName);
    await newMethod.getByLabel("Price").fill("4.90");
    await newMethod.getByLabel("Free over").fill("100");
    await newMethod.getByLabel("Ships to").selectOption([country, "GR"]);
    await newMethod.getByRole("button", { name: "Create shipping method" }).click();
    await toast(`Shipping method ${methodName} created.`);
    await page.getByRole("button", { name: `Edit shipping method ${methodName}` }).click();
    const editMethod = form(`Edit shipping method ${methodName}`);
    await editMethod.getByLabel("Price").fill("5.50");
    await editMethod.getByRole("button", { name: "Save shipping method" }).click();
    await toast(`Shipping method ${methodName} saved.`);
    const methodRow = page.getByRole("list", { name: "Shipping methods" }).getByRole("listitem").filter({ hasText: methodName });
    expect(await methodRow.innerText()).toMatch(/5\.50 · free over 100\.00 · ships to GR, MT/);
    const method = (await adminList<{ id: number; name: string }>("/api/admin/shipping-methods")).find((m) => m.name === methodName);
    expect(method).toMatchObject({ price: "5.50", free_over: "100.00", countries: ["GR", "MT"], active: true });
    methodId = method!.id;

    await openNav("Tax rates", "Tax rates");
    const newRate = form("New tax rate");
    await newRate.getByLabel("Country").selectOption(country);
    await newRate.getByLabel("Region").fill(region);
    await newRate.getByLabel("Rate (%)").fill("18");
    await newRate.getByRole("button", { name: "Create tax rate" }).click();
    await toast(`Tax rate ${country} / ${region} created.`);
    const rates = await adminList<{ country: string; region: string | null }>("/api/admin/tax-rates");
    expect(rates.find((r) => r.region === region)).toMatchObject({ country, region, rate: "18.00" });

    await openNav("Discount codes", "Discount codes");
    const ends = new Date(Date.now() + 30 * 86_400_000);
    ends.setSeconds(0, 0);
    // A datetime-local value is the browser's local time (the test's and the browser's zone are the same).
    const local = new Date(ends.getTime() - ends.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    for (const [discountCode, limit] of [[code, "5"], [`${code}-SPARE`, ""]] as const) {
      const newCode = form("New discount code");
      await newCode.getByLabel("Code").fill(discountCode);
      await newCode.getByLabel("Kind").selectOption({ label: "Percent off" });
      await newCode.getByLabel("Percent off").fill("10");
      await newCode.getByLabel("Minimum subtotal").fill("10.00");
      await newCode.getByLabel("Ends").fill(local);
      await newCode.getByLabel("Usage limit").fill(limit);
      await newCode.getByRole("button", { name: "Create discount code" }).click();
      await toast(`Discount code ${discountCode} created.`);
    }
    let discounts = await adminList<{ code: string }>("/api/admin/discounts");
    expect(discounts.find((d) => d.code === code)).toMatchObject({
      kind: "percent",
      value: "10.00",
      min_subtotal: "10.00",
      usage_limit: 5,
      per_customer_limit: null,
      ends_at: ends.toISOString(),
      active: true,
      times_used: 0,
    });
    await page.getByRole("button", { name: `Delete discount code ${code}-SPARE` }).click();
    await page.getByRole("button", { name: `Yes, delete discount code ${code}-SPARE` }).click();
    await toast(`Discount code ${code}-SPARE deleted.`);
    discounts = await adminList<{ code: string }>("/api/admin/discounts");
    expect(discounts.map((d) => d.code)).not.toContain(`${code}-SPARE`);
    await expect.poll(() => page.getByRole("list", { name: "Discount codes" }).getByRole("listitem").filter({ hasText: code }).count()).toBe(1);
  });

  it("records an offline payment for a shopper's order and refunds part of it once, however often Refund is pressed", async () => {
    const email = `admin-e2e-${tag.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.com`;
    expect((await call("POST", "/api/auth/register", { body: { email, password: "shopper-password-1" } })).status).toBe(201);
    const shopper = await login(email, "shopper-password-1");
    const variantM = (await product()).variants.find((v: { sku: string }) => v.sku === skuM);
    expect((await call("POST", "/api/cart/items", { token: shopper, body: { variant_id: variantM.id, quantity: 2 } })).status).toBe(200);
    const placed = await call("POST", "/api/orders", {
      token: shopper,
      body: {
        shipping_address: { name: "Ada Shopper", line1: "1 Harbour Street", line2: null, city: "Valletta", region, postal_code: "VLT 1000", country, phone: null },
        shipping_method_id: methodId,
        discount_code: code,
      },
    });
    expect(placed.status).toBe(201);
    const order = placed.body;
    // 2 × 26.00, 10 % off, shipping 5.50 (below free_over), 18 % tax on goods and shipping.
    expect(order).toMatchObject({ subtotal: "52.00", discount_total: "5.20", shipping_total: "5.50", discount_code: code, status: "pending", payment_status: "unpaid" });

    await openNav("Orders", "Manage orders");
    await page.getByRole("navigation", { name: "Orders by status" }).getByRole("link", { name: "Pending" }).click();
    const row = page.getByRole("list", { name: "Orders" }).getByRole("listitem").filter({ hasText: `Order #${order.id}` });
    await row.waitFor();
    expect(await definitions(row.locator("dl.order-totals"))).toEqual({
      Subtotal: order.subtotal,
      [`Discount (${code})`]: `−${order.discount_total}`,
      [`Shipping (${methodName})`]: order.shipping_total,
      "Tax (18.00 %)": order.tax_total,
      Total: `${order.total} USD`,
    });

    const paid = page.waitForResponse((r) => r.url() === `${base}/api/admin/orders/${order.id}` && r.request().method() === "PATCH");
    await row.getByRole("button", { name: `Record offline payment, mark paid: order ${order.id}`, exact: true }).click();
    expect((await paid).status()).toBe(200);
    await row.locator('.badge[data-status="paid"]').waitFor();
    expect(await definitions(row.locator("dl.order-money"))).toEqual({
      Payment: "paid offline",
      Paid: order.total,
      Refunded: "0.00",
    });

    await row.getByRole("button", { name: `Refund order ${order.id}…`, exact: true }).click();
    const refund = row.getByRole("form", { name: `Refund order ${order.id}` });
    expect(await refund.getByLabel("Amount to refund").inputValue()).toBe(order.total);
    await refund.getByLabel("Amount to refund").fill("10.00");
    await refund.getByLabel("Return the items to stock").check();
    await refund.getByLabel("Reason").fill("Stitching came loose");
    await shot("admin-refund");
    const keys: string[] = [];
    page.on("request", (request) => {
      if (request.url() === `${base}/api/admin/orders/${order.id}/refunds`) keys.push(request.headers()["idempotency-key"] ?? "none");
    });
    const refunded = page.waitForResponse((r) => r.url() === `${base}/api/admin/orders/${order.id}/refunds`);
    await refund.getByRole("button", { name: `Refund order ${order.id}`, exact: true }).dblclick();
    expect((await refunded).status()).toBe(201);
    await toast(`Refunded 10.00 of order #${order.id}; its items are back in stock.`);
    await row.locator('[data-payment-status="partially_refunded"]').waitFor();
    expect(await definitions(row.locator("dl.order-money"))).toEqual({
      Payment: "partially refunded offline",
      Paid: order.total,
      Refunded: "10.00",
    });
    // However many requests the double click sent, they carried one key: one refund.
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

    const after = await call("GET", `/api/orders/${order.id}`, { token: shopper });
    expect(after.body).toMatchObject({ status: "paid", payment_status: "partially_refunded", payment_method: "manual", amount_paid: order.total, amount_refunded: "10.00" });
    expect((await product()).variants.find((v: { sku: string }) => v.sku === skuM).stock).toBe(5);

    // The code's use shows on its screen.
    await openNav("Discount codes", "Discount codes");
    const codeRow = page.getByRole("list", { name: "Discount codes" }).getByRole("listitem").filter({ hasText: code });
    await expect.poll(() => codeRow.locator(".times-used").innerText()).toBe("Used 1 of 5");
    await shot("admin-discounts");
  });

  it("logged no console error, asked no other origin for anything, and met only the refusal it was meant to", () => {
    adminWatch.expectClean([`409 PATCH /api/products/${productId}/variants/${productId}`]);
  });
});

import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const base = process.env.E2E_BASE_URL!;

describe("API reference page in a real browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists every endpoint of the OpenAPI document and filters them", async () => {
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(`${base}/docs`);
    await expect(page.title()).resolves.toContain("API reference");
    const listed = await page.locator(".op summary").allInnerTexts();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        expect(listed.some((text) => text.includes(method.toUpperCase()) && text.includes(path))).toBe(true);
      }
    }
    await page.fill("#filter", "/api/auth/login");
    const visible = await page.locator(".op:visible summary").allInnerTexts();
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((text) => text.includes("/api/auth/login"))).toBe(true);
    // "Send" really calls the API from the page.
    await page.fill("#filter", "/health");
    const op = page.locator(".op:visible").first();
    await op.locator("summary").click();
    await op.locator("button[type=submit]").click();
    await expect.poll(() => op.locator(".out").innerText()).toContain("200");
    expect(errors).toEqual([]);
  });
});

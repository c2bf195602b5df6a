import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, base, call, cspDirectives, launchChromium, login, watch } from "./browser.ts";

const screenshots = path.resolve(import.meta.dirname, "../../docs/screenshots");

describe("API reference at /docs (Scalar, a static asset) in a real browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is served with security headers and a CSP that allows only this origin", async () => {
    const res = await fetch(`${base}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=[1-9]/);
    const csp = cspDirectives(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      // Only 'self' (and 'unsafe-inline' for Scalar's injected styles): no host, scheme or wildcard.
      expect(values.filter((v) => !["'self'", "'none'"].includes(v) && !(name === "style-src" && v === "'unsafe-inline'")), name).toEqual([]);
    }
    const html = await res.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it("lists every endpoint, renders Markdown, and tries a request against this origin with a bearer token", async () => {
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const token = await login(admin.email, admin.password);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const seen = watch(context);
    const page = await context.newPage();
    await page.goto(`${base}/docs`);
    await expect(page.title()).resolves.toContain("API reference");
    await page.getByRole("heading", { name: "Edge Shop API", level: 1 }).waitFor();

    // The sidebar links every operation as #tag/<tag>/<METHOD><path>.
    const links = await page.locator('a[href^="#tag/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    for (const [route, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        expect(links.some((href) => href.endsWith(`/${method.toUpperCase()}${route}`)), `${method.toUpperCase()} ${route}`).toBe(true);
      }
    }
    // Descriptions are Markdown: `code` spans become <code>, never literal backticks.
    await expect.poll(() => page.locator("code", { hasText: "application/problem+json" }).count()).toBeGreaterThan(0);
    expect(await page.locator("body").innerText()).not.toContain("`application/problem+json`");
    await page.screenshot({ path: path.join(screenshots, "docs.png") });

    // "Try it": the bearer token from the Authentication panel, sent to this origin.
    await page.getByLabel(/bearer token/i).first().fill(token);
    const me = page.locator('[id$="/GET/api/me"]').first();
    await me.scrollIntoViewIfNeeded();
    await me.getByRole("button", { name: /test request/i }).first().click();
    const sent = page.waitForRequest((request) => request.url() === `${base}/api/me`);
    await page.getByRole("button", { name: /^send/i }).first().click();
    expect((await sent).headers()["authorization"]).toBe(`Bearer ${token}`);
    await expect.poll(() => page.getByText("200 OK").first().isVisible()).toBe(true);
    await expect.poll(async () => (await page.locator("body").innerText()).includes(admin.email)).toBe(true);

    seen.expectClean();
    await context.close();
  });

  it("leaves unknown paths to the Worker: a 404 problem, not a page", async () => {
    for (const route of ["/nope", "/docs/nope", "/assets/missing.js"]) {
      const res = await call("GET", route);
      expect(res.status, route).toBe(404);
      expect(res.body.type, route).toBe("urn:problem:not-found");
    }
  });
});

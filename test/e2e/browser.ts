// Shared by the browser tests: Debian's Chromium through playwright-core, and what a page must not do.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const base = process.env.E2E_BASE_URL!;
export const admin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Chromium, one watched context of the given viewport and its first page: where each browser test file starts. */
export async function openBrowser(viewport: { width: number; height: number }): Promise<{ browser: Browser; context: BrowserContext; page: Page; watched: ReturnType<typeof watch> }> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport });
  const watched = watch(context);
  return { browser, context, watched, page: await context.newPage() };
}

/**
 * Console errors, uncaught exceptions, requests to any other origin and failed API answers, for every
 * page of a context. Chromium logs each 4xx/5xx response as a console error ("Failed to load
 * resource"); those are checked against the answers a test expects instead (`expectClean`).
 */
export function watch(context: BrowserContext): { errors: string[]; foreign: string[]; failures: string[]; expectClean(expectedFailures?: string[], tolerated?: RegExp[]): void } {
  const errors: string[] = [];
  const foreign: string[] = [];
  const failures: string[] = [];
  const origin = new URL(base).origin;
  const track = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
      errors.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    // A request the server never answered; one the page itself cancelled (navigation, a closed tab) is not that.
    page.on("requestfailed", (request) => {
      const why = request.failure()?.errorText ?? "?";
      if (why !== "net::ERR_ABORTED") failures.push(`no answer: ${request.method()} ${new URL(request.url()).pathname} (${why})`);
    });
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) foreign.push(url);
    });
  };
  context.pages().forEach(track);
  context.on("page", track);
  return {
    errors,
    foreign,
    failures,
    /** `tolerated`: failures that may or may not happen, depending on timing (left out before comparing). */
    expectClean(expectedFailures: string[] = [], tolerated: RegExp[] = []) {
      expect(errors, "console errors").toEqual([]);
      expect(foreign, "requests to another origin").toEqual([]);
      expect(
        failures.filter((f) => !tolerated.some((t) => t.test(f))),
        "failed responses",
      ).toEqual(expectedFailures);
    },
  };
}

export async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function login(email: string, password: string): Promise<string> {
  const res = await call("POST", "/api/auth/login", { body: { email, password } });
  expect(res.status).toBe(200);
  return res.body.access as string;
}

/** The directives of a Content-Security-Policy header, by name. */
export function cspDirectives(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

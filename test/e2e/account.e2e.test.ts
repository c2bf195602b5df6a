import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base, call, openBrowser, watch } from "./browser.ts";

// A shopper's account in Chromium, with the mails read from the local mail sink (the Resend
// stand-in the Worker really sends to; its JSON at E2E_MAIL_URL/emails): register, see the
// unconfirmed-email banner, open the verification link, banner gone; forget the password, open the
// reset link, set a new one; the old password is refused, the new one works, the used link again
// says so. Screenshots of the banner and the reset page go to docs/screenshots/.

const mailUrl = process.env.E2E_MAIL_URL!;
const screenshots = path.resolve(import.meta.dirname, "../../docs/screenshots");
const email = `account-${crypto.randomUUID().slice(0, 8)}@example.com`;
const OLD_PASSWORD = "first-password-1";
const NEW_PASSWORD = "a new password I remember";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageWatch: ReturnType<typeof watch>;
let resetLink = "";

interface SinkMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  idempotency_key: string | null;
}

/** The mails the sink holds for this shopper, newest first. */
async function mailsTo(address: string): Promise<SinkMail[]> {
  const res = await fetch(`${mailUrl}/emails?to=${encodeURIComponent(address)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: SinkMail[] }).data;
}

/** Waits for the `count`-th mail whose subject starts so (sent after the response, so a moment later) and returns its link. */
async function linkInMail(subject: string, count: number, route: string): Promise<string> {
  let mails: SinkMail[] = [];
  await expect.poll(async () => (mails = (await mailsTo(email)).filter((m) => m.subject.startsWith(subject))).length, { timeout: 15_000 }).toBe(count);
  const newest = mails[0]!;
  const links = [...newest.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  const link = links.find((l) => l.includes(`/#/${route}?token=`));
  expect(link, `a ${route} link in "${subject}"`).toBeDefined();
  // The HTML part carries the same link.
  expect(newest.html).toContain(link!.replace(/&/g, "&amp;"));
  // It opens this shop (SHOP_URL is the Worker under test).
  expect(new URL(link!).origin).toBe(new URL(base).origin);
  return link!;
}

const banner = (p: Page) => p.getByRole("region", { name: "Account verification" });

async function logIn(p: Page, password: string): Promise<void> {
  await p.getByRole("heading", { name: "Log in" }).waitFor();
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill(password);
  await p.getByRole("button", { name: "Log in" }).click();
}

beforeAll(async () => {
  expect(mailUrl, "E2E_MAIL_URL (scripts/e2e.ts passes the mail sink's URL)").toBeTruthy();
  ({ browser, context, page, watched: pageWatch } = await openBrowser({ width: 1280, height: 800 }));
});

afterAll(async () => {
  await browser?.close();
});

describe("an account a shopper can confirm and recover, with the mails from the local sink", { timeout: 120_000 }, () => {
  it("registers, shows the unconfirmed-email banner, sends the link again, and confirms through the mailed link", async () => {
    await page.goto(`${base}/#/register`);
    await page.getByRole("heading", { name: "Create an account" }).waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(OLD_PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: "Log out" }).waitFor();

    await banner(page).waitFor();
    expect(await banner(page).innerText()).toContain(`Please confirm your email address. We sent a link to ${email}.`);
    const firstLink = await linkInMail("Confirm your email address", 1, "verify-email");

    // "Send the link again": a second mail with a fresh link; the server's words are shown.
    await banner(page).getByRole("button", { name: "Send the link again" }).click();
    await banner(page).getByRole("status").getByText("A new verification link is on its way").waitFor();
    await page.screenshot({ path: path.join(screenshots, "verify-banner.png"), animations: "disabled" });
    const secondLink = await linkInMail("Confirm your email address", 2, "verify-email");
    expect(secondLink).not.toBe(firstLink);

    // The link opens in another tab of the same browser, as a mail client would open it.
    const mailTab = await context.newPage();
    await mailTab.goto(secondLink);
    await mailTab.getByText("Your email address is confirmed.").waitFor();
    await mailTab.close();
    const me = await call("GET", "/api/me", { token: await page.evaluate(() => JSON.parse(localStorage.getItem("edge-shop.session")!).access) });
    expect(me.body.email_verified_at).not.toBeNull();

    // The shopper's own tab learns it when it next loads the user: the banner is gone.
    await page.reload();
    await page.getByText(email, { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Products" }).waitFor();
    expect(await banner(page).count()).toBe(0);
  });

  it("says the same for an email with no account, and mails nothing there", async () => {
    const nobody = `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const other = await context.newPage();
    await other.goto(`${base}/#/forgot-password`);
    await other.getByLabel("Email").fill(nobody);
    await other.getByRole("button", { name: "Send the link", exact: true }).click();
    const said = await other.getByRole("status").filter({ hasText: "If an account uses this email" }).innerText();
    await other.close();
    expect(said).toMatch(/a link to reset its password is on its way/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(nobody)).toEqual([]);
  });

  it("resets a forgotten password through the mailed link: the old one is refused, the new one works, the link works once", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("link", { name: "Log in" }).click();
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "If an account uses this email, a link to reset its password is on its way." }).waitFor();
    resetLink = await linkInMail("Reset your password", 1, "reset-password");

    await page.goto(resetLink);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    // The rules are stated, and a password outside them is refused with the API's words (the link stays usable).
    expect(await page.getByText("8 to 128 characters.").count()).toBe(1);
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the new password").fill("short");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByRole("alert").getByText("Must be at least 8 characters.").waitFor();
    await page.locator(".toast p").waitFor({ state: "detached" }); // "Logged out." gone from the picture
    await page.screenshot({ path: path.join(screenshots, "reset-password.png"), animations: "disabled" });
    // Two different passwords never reach the API.
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(`${NEW_PASSWORD}!`);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByRole("alert").getByText("The two passwords differ.").waitFor();
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    const confirmed = page.waitForResponse((r) => r.url() === `${base}/api/auth/password-reset/confirm` && r.request().method() === "POST");
    await page.getByRole("button", { name: "Set the new password" }).click();
    expect((await confirmed).status()).toBe(204);

    // Signed out and told to log in with the new password.
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.getByRole("status").getByText("Your password has been changed").waitFor();

    await logIn(page, OLD_PASSWORD);
    await page.getByRole("alert").getByText("The email or password is wrong.").waitFor();
    await logIn(page, NEW_PASSWORD);
    await page.getByRole("button", { name: "Log out" }).waitFor();
    await page.getByRole("heading", { name: "Products" }).waitFor(); // where the login leads, once it has the user
    expect(await banner(page).count()).toBe(0); // still confirmed
  });

  it("says clearly that a used reset link is used, and changes nothing", async () => {
    await page.goto(resetLink);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await page.getByLabel("New password", { exact: true }).fill("yet another password");
    await page.getByLabel("Repeat the new password").fill("yet another password");
    await page.getByRole("button", { name: "Set the new password" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText("This link has been used or has expired").waitFor();
    await alert.getByRole("link", { name: "Ask for a new link" }).waitFor();
    expect((await call("POST", "/api/auth/login", { body: { email, password: "yet another password" } })).status).toBe(401);
    expect((await call("POST", "/api/auth/login", { body: { email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it("says clearly that a verification link with an unknown token does not work", async () => {
    await page.goto(`${base}/#/verify-email?token=not-a-real-token`);
    await page.getByRole("alert").getByText("This link has been used or has expired").waitFor();
  });

  it("kept the refresh token out of every web storage, and met only the refusals it was meant to", async () => {
    const cookie = (await context.cookies()).find((c) => c.name === "refresh_token");
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/auth" });
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie)).not.toContain(cookie!.value);
    pageWatch.expectClean([
      "400 POST /api/auth/password-reset/confirm", // too short
      "401 POST /api/auth/login", // the old password
      "400 POST /api/auth/password-reset/confirm", // the used link
      "400 POST /api/auth/verify-email/confirm", // the unknown token
    ]);
  });
});

import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { uniqueEmail } from "../helpers/api";
import { mailsTo, sinkDownFor, sinkUpFor } from "./mail-sink";

// The mail sink speaks Resend's POST /emails to the Worker's sender. (DELETE /emails and the global
// down switch are left alone here: other test files read the same sink at the same time.)

const sink = () => inject("mailSinkUrl");

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sink()}/emails`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.RESEND_API_KEY}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

const mail = (to: string) => ({ from: "Shop <shop@localhost>", to, subject: "Hello", text: "Hi there", html: "<p>Hi there</p>" });

describe("the mail sink", () => {
  it("accepts a mail with Resend's { id } and lists it, newest first, filtered by recipient", async () => {
    const to = uniqueEmail("sink");
    const first = await post(mail(to));
    expect(first.status).toBe(200);
    const { id } = (await first.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await post({ ...mail(to), subject: "Second" });
    const listed = await mailsTo(to);
    expect(listed.map((m) => m.subject)).toEqual(["Second", "Hello"]);
    expect(listed[1]).toMatchObject({ id, to: [to], from: "Shop <shop@localhost>", text: "Hi there", html: "<p>Hi there</p>", created_at: expect.any(String) });
    const page = await fetch(`${sink()}/`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("Mail sink");
  });

  it("answers a repeated Idempotency-Key with the first id and keeps one mail; another payload with it is 409", async () => {
    const to = uniqueEmail("sink-idem");
    const key = `test-${crypto.randomUUID()}`;
    const [a, b] = [await post(mail(to), { "idempotency-key": key }), await post(mail(to), { "idempotency-key": key })];
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
    expect(await mailsTo(to)).toHaveLength(1);
    const other = await post({ ...mail(to), subject: "Changed" }, { "idempotency-key": key });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
  });

  it("refuses a missing or wrong key and an invalid mail as Resend does", async () => {
    const to = uniqueEmail("sink-bad");
    const noKey = await fetch(`${sink()}/emails`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(mail(to)) });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect((await post(mail(to), { authorization: "Bearer re_wrong" })).status).toBe(403);
    const invalid = await post({ from: "x@localhost", to, text: "no subject" });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ name: "validation_error" });
    expect(await mailsTo(to)).toEqual([]);
  });

  it("answers 503 to sends for an address while it is down, and accepts them again once up", async () => {
    const to = uniqueEmail("sink-down");
    await sinkDownFor(to);
    const refused = await post(mail(to));
    expect(refused.status).toBe(503);
    await sinkUpFor(to);
    expect((await post(mail(to))).status).toBe(200);
    expect(await mailsTo(to)).toHaveLength(1);
  });
});

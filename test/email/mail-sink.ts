// Reading the mail sink stand-in (scripts/stand-ins/mail-sink.ts) from tests: what the Worker sent.
import { env } from "cloudflare:test";
import { inject } from "vitest";
import { databaseFor } from "../../src/db/client";
import { deliverOutbox } from "../../src/email";
import { readConfig } from "../../src/env";
import { BASE } from "../helpers/api";
import { callWorker } from "../helpers/worker";

export interface SinkMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

const sink = () => inject("mailSinkUrl");

/** The mails the sink received for `to`, newest first. */
export async function mailsTo(to: string): Promise<SinkMail[]> {
  const res = await fetch(`${sink()}/emails?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { data: SinkMail[] }).data;
}

/** Makes the sink answer 503 to sends to `to` (only that address: other test files keep their mail). */
export async function sinkDownFor(to: string): Promise<void> {
  await fetch(`${sink()}/__stand-in/down?to=${encodeURIComponent(to)}`, { method: "POST" });
}

export async function sinkUpFor(to: string): Promise<void> {
  await fetch(`${sink()}/__stand-in/up?to=${encodeURIComponent(to)}`, { method: "POST" });
}

/** The token in a mail's link (`…#/reset-password?token=…` or `…#/verify-email?token=…`). */
export function linkToken(mail: SinkMail, route: "reset-password" | "verify-email"): string {
  const match = new RegExp(`/#/${route}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${route} link in the mail`);
  return match[1]!;
}

/**
 * Calls the Worker and waits for what it left running after the response (the outbox delivery),
 * so the mail is in the sink when this returns.
 */
export async function send(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await callWorker(new Request(`${BASE}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text && (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text };
}

/** The sender, as the afterResponse and the cron run it, against the test stack. */
export function deliver(opts: { limit?: number; ids?: number[] } = {}) {
  const config = readConfig(env);
  return deliverOutbox(config, databaseFor(config), opts);
}

export const clientIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

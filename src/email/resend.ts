import type { Config } from "../env";
import { fetchWithin } from "../lib/timeout";
import type { RenderedEmail } from "./templates";

/** How long one send may take before it counts as failed (and is retried later, under the same key). */
const SEND_TIMEOUT_MS = 10_000;

export type SendOutcome =
  | { ok: true; providerId: string }
  /** `permanent`: the provider refused this mail itself (bad address, bad payload); retrying will not help. */
  | { ok: false; permanent: boolean; error: string };

/** Status codes where the mail itself is wrong. 401/403 (a key problem) and 409/429/5xx are retried. */
const PERMANENT = new Set([400, 413, 422]);

/** A provider error as one short line: Resend answers `{ statusCode, message, name }`. Never the request. */
async function describeFailure(res: Response): Promise<string> {
  let detail = "";
  try {
    const body = (await res.json()) as { name?: unknown; message?: unknown };
    detail = [body.name, body.message].filter((v) => typeof v === "string").join(": ");
  } catch {
    // not JSON
  }
  return `HTTP ${res.status}${detail ? ` ${detail}` : ""}`.slice(0, 300);
}

/**
 * Sends one mail through Resend's HTTP API. `idempotencyKey` makes a repeat of the same mail (a
 * retry after a timeout, a sender that died before recording the send) return the first answer
 * instead of sending again. Never throws.
 */
export async function sendThroughResend(config: Config, to: string, mail: RenderedEmail, idempotencyKey: string): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetchWithin(`${config.RESEND_API_URL.replace(/\/+$/, "")}/emails`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${config.RESEND_API_KEY}`,
        "content-type": "application/json",
        "idempotency-key": idempotencyKey,
      },
      body: JSON.stringify({ from: config.EMAIL_FROM, to: [to], subject: mail.subject, text: mail.text, html: mail.html }),
    }, SEND_TIMEOUT_MS);
  } catch (err) {
    return { ok: false, permanent: false, error: `unreachable: ${err instanceof Error ? err.name : "error"}` };
  }
  if (res.ok) {
    const body = (await res.json().catch(() => null)) as { id?: unknown } | null;
    return typeof body?.id === "string" ? { ok: true, providerId: body.id } : { ok: false, permanent: false, error: "HTTP 200 without an id" };
  }
  return { ok: false, permanent: PERMANENT.has(res.status), error: await describeFailure(res) };
}

// Mail sink: a local stand-in for Resend's HTTP API (`POST /emails`), so the Worker's sender runs
// unchanged against it (same URL shape, Bearer key, Idempotency-Key, Resend-shaped answers and
// errors). It keeps what it received in memory and shows it to people and tests:
//   GET  /                    the mails as an HTML page, newest first
//   GET  /emails[?to=addr]    the same as JSON: { data: [{ id, from, to, subject, text, html, created_at }] }
//   DELETE /emails            forgets every mail
//   POST /__stand-in/down     answers 503 to every send from now on (?to=addr: only sends to that address)
//   POST /__stand-in/up       ends the outage (?to=addr: ends only that address's)
// In-process users (the fault scenarios) can also stop it listening for a while (connection refused)
// and read every send it answered, replays and refusals included.
// Run alone with `node scripts/stand-ins/mail-sink.ts [port]`; the local stack starts it for dev,
// serve and the tests.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { listen } from "../bridges/listen.ts";

export interface SinkMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  created_at: string;
  idempotency_key: string | null;
}

/** One POST /emails as the sink answered it. */
export interface SinkSend {
  /** The Idempotency-Key header, if any. */
  key: string | null;
  status: number;
  /** A key seen before with the same payload: answered with the first mail's id, nothing stored. */
  replay: boolean;
  /** ms since the epoch */
  at: number;
}

export interface MailSink {
  url: string;
  port: number;
  /** The API key it accepts (`Authorization: Bearer <key>`). */
  apiKey: string;
  /** What it received, oldest first. */
  mails(): SinkMail[];
  /** Every send it answered, oldest first. */
  sends(): SinkSend[];
  /** Stops listening, so senders meet connection refused, until acceptConnections(); what it holds stays. */
  refuseConnections(): Promise<void>;
  /** Listens again on the same port. */
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

export interface MailSinkOptions {
  port?: number;
  host?: string;
  apiKey?: string;
}

/** A Resend-shaped error: `{ statusCode, message, name }`. */
function sendError(res: http.ServerResponse, statusCode: number, name: string, message: string): void {
  res.writeHead(statusCode, { "content-type": "application/json" });
  res.end(JSON.stringify({ statusCode, message, name }));
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readText(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(mails: SinkMail[]): string {
  const rows = mails
    .map(
      (m) => `<article><header><b>${escapeHtml(m.subject)}</b><br>to ${escapeHtml(m.to.join(", "))} · from ${escapeHtml(m.from)} · ${m.created_at} · ${m.id}</header>
<details><summary>text</summary><pre>${escapeHtml(m.text)}</pre></details>
<iframe sandbox srcdoc="${escapeHtml(m.html)}"></iframe></article>`,
    )
    .join("\n");
  return `<!doctype html><meta charset="utf-8"><title>Mail sink</title>
<style>body{font:14px system-ui;margin:2rem;max-width:60rem}article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}iframe{width:100%;height:18rem;border:1px solid #eee}pre{white-space:pre-wrap}</style>
<h1>Mail sink</h1><p>${mails.length} mail(s), newest first. JSON: <a href="/emails">/emails</a>.</p>${rows || "<p>No mail yet.</p>"}`;
}

interface SendBody {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** The fields Resend requires, or the validation_error it would answer. */
function parseSend(raw: string): SendBody | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return "The request body is not valid JSON.";
  }
  if (typeof body !== "object" || body === null) return "The request body must be an object.";
  const b = body as Record<string, unknown>;
  const to = typeof b.to === "string" ? [b.to] : Array.isArray(b.to) && b.to.every((t) => typeof t === "string") ? (b.to as string[]) : null;
  if (typeof b.from !== "string" || !b.from) return "Missing `from` field.";
  if (!to || to.length === 0 || to.length > 50) return "The `to` field must be an address or 1 to 50 addresses.";
  if (typeof b.subject !== "string" || !b.subject) return "Missing `subject` field.";
  if (typeof b.text !== "string" && typeof b.html !== "string") return "Either `text` or `html` is required.";
  return { from: b.from, to, subject: b.subject, text: typeof b.text === "string" ? b.text : "", html: typeof b.html === "string" ? b.html : "" };
}

export async function startMailSink(opts: MailSinkOptions = {}): Promise<MailSink> {
  const apiKey = opts.apiKey ?? `re_local_${randomBytes(12).toString("hex")}`;
  const mails: SinkMail[] = [];
  const sends: SinkSend[] = [];
  /** Idempotency-Key → the request it came with and the answer it got (Resend keeps them 24 h). */
  const keys = new Map<string, { request: string; id: string }>();
  let down = false;
  const downFor = new Set<string>();

  async function handleSend(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const auth = req.headers.authorization ?? "";
    if (!auth) return sendError(res, 401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY");
    if (auth !== `Bearer ${apiKey}`) return sendError(res, 403, "invalid_api_key", "API key is invalid");
    const raw = await readText(req);
    const parsed = parseSend(raw);
    if (typeof parsed === "string") return sendError(res, 422, "validation_error", parsed);
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" && key ? key : null;
    const note = (status: number, replay = false) => sends.push({ key: idempotencyKey, status, replay, at: Date.now() });
    if (down || parsed.to.some((t) => downFor.has(t.toLowerCase()))) {
      note(503);
      return sendError(res, 503, "service_unavailable", "The mail sink is down (POST /__stand-in/up ends it).");
    }
    if (idempotencyKey) {
      if (idempotencyKey.length > 256) return sendError(res, 422, "validation_error", "The Idempotency-Key must be at most 256 characters.");
      const seen = keys.get(idempotencyKey);
      if (seen) {
        if (seen.request !== raw) {
          note(409);
          return sendError(res, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
        }
        note(200, true);
        return sendJson(res, 200, { id: seen.id });
      }
    }
    const id = randomUUID();
    if (idempotencyKey) keys.set(idempotencyKey, { request: raw, id });
    mails.push({ id, ...parsed, created_at: new Date().toISOString(), idempotency_key: idempotencyKey });
    note(200);
    sendJson(res, 200, { id });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    const route = `${req.method} ${url.pathname}`;
    const to = url.searchParams.get("to")?.toLowerCase() ?? null;
    const run = async () => {
      switch (route) {
        case "POST /emails":
          return handleSend(req, res);
        case "GET /emails": {
          const newest = [...mails].reverse().filter((m) => !to || m.to.some((t) => t.toLowerCase() === to));
          return sendJson(res, 200, { object: "list", data: newest });
        }
        case "DELETE /emails":
          mails.length = 0;
          keys.clear();
          return sendJson(res, 200, { deleted: true });
        case "GET /":
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          return res.end(page([...mails].reverse()));
        case "POST /__stand-in/down":
          if (to) downFor.add(to);
          else down = true;
          return sendJson(res, 200, { down: true, to });
        case "POST /__stand-in/up":
          if (to) downFor.delete(to);
          else {
            down = false;
            downFor.clear();
          }
          return sendJson(res, 200, { down: false, to });
        default:
          return sendError(res, 404, "not_found", "The requested endpoint does not exist.");
      }
    };
    run().catch((err: unknown) => sendError(res, 500, "internal_server_error", err instanceof Error ? err.message : String(err)));
  });
  const host = opts.host ?? "127.0.0.1";
  const port = await listen(server, opts.port ?? 0, host);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    mails: () => [...mails],
    sends: () => [...sends],
    refuseConnections: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    acceptConnections: () =>
      new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sink = await startMailSink({ port: Number(process.argv[2] ?? 0), apiKey: process.env.RESEND_API_KEY });
  console.log(`mail sink at ${sink.url} (RESEND_API_URL=${sink.url} RESEND_API_KEY=${sink.apiKey})`);
}

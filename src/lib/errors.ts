import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { notAnAdmin, Problem, validationProblem } from "./problem";
import { TimeoutError } from "./timeout";

const slugs: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  415: "unsupported-media-type",
};

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = err;
  while (current && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * SQLSTATEs that mean "the database cannot serve this now", not "your query is wrong": connection
 * failures, shutdowns, too many connections, a rejected login (28xxx: misconfiguration is an outage
 * to a client), and the session limits that keep outsiders from holding anything for long
 * (statement_timeout 57014, lock_timeout 55P03).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code.startsWith("57P") || code.startsWith("28") || code === "53300" || code === "53000" || code === "57014" || code === "55P03";
}

// The HTTP driver reports an unreachable endpoint as "Error connecting to database" and a proxy
// failure as "Server error (HTTP status …)".
const connectionMessage = /connect|connection|terminated|websocket|socket|ECONNREFUSED|closed|network|timed out|server error \(http status|aborted|timeout/i;

/** The SQLSTATE anywhere in an error's cause chain (drizzle wraps the driver's error), if any. */
export function sqlState(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** True when the error says Postgres could not be reached (so the client gets 503, not 500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  return causes(err).some((e) => {
    if (e instanceof TimeoutError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return isUnavailableSqlState(code);
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return false;
    const message = e instanceof Error ? e.message : typeof e === "object" && e ? String((e as { message?: unknown }).message ?? "") : "";
    // The Neon driver reports a refused WebSocket as an ErrorEvent-like object, not an Error.
    return connectionMessage.test(message) || (typeof e === "object" && e !== null && (e as { type?: unknown }).type === "error");
  });
}

/** Maps any thrown value to the Problem the client sees. Unknown errors say nothing about internals. */
export function toProblem(err: unknown): { problem: Problem; unexpected: boolean } {
  if (err instanceof Problem) return { problem: err, unexpected: false };
  const state = sqlState(err);
  // Raised by shop_require_admin: the batch's admin check.
  if (state === "SH401") return { problem: new Problem(401, "unauthorized", "The access token names no user.", { headers: { "www-authenticate": 'Bearer realm="api"' } }), unexpected: false };
  if (state === "SH403") return { problem: notAnAdmin(), unexpected: false };
  // Text with a NUL character (`\u0000`), which Postgres text cannot hold, in a field whose schema
  // did not refuse it: bad input like any other, and the statement changed nothing.
  if (state === "22P05" || state === "22021") {
    return { problem: validationProblem([], "Text must not contain NUL (\\u0000) characters."), unexpected: false };
  }
  // A row this write refers to was deleted by a concurrent request (or the other way round).
  if (state === "23503") {
    return { problem: new Problem(409, "conflict", "Something this request refers to was changed or deleted at the same moment; reload and retry."), unexpected: false };
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { problem: new Problem(status, slugs[status] ?? "http-error", err.message || "The request could not be processed."), unexpected: false };
  }
  // statement_timeout / lock_timeout: Postgres is up, but this request waited too long for it.
  if (state === "57014" || state === "55P03") {
    return {
      problem: new Problem(503, "service-unavailable", "db is busy: the request waited too long for it. Retry in a moment.", {
        extra: { db: "busy" },
        headers: { "retry-after": "1" },
      }),
      unexpected: false,
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      problem: new Problem(503, "service-unavailable", "db is unavailable.", {
        extra: { db: "down" },
        headers: { "retry-after": "5" },
      }),
      unexpected: false,
    };
  }
  return { problem: new Problem(500, "internal", "Something went wrong on our side. Quote the request id if you report it."), unexpected: true };
}

/**
 * What a log line may say about an error: name, SQLSTATE and the driver's message.
 * drizzle's wrapper message carries the SQL text and parameters, so it is skipped.
 */
export function describeError(err: unknown): { name: string; code?: string; message: string } {
  const chain = causes(err);
  const root = chain.find((e) => !(e instanceof Error && e.message.startsWith("Failed query"))) ?? chain[chain.length - 1];
  const name = root instanceof Error ? root.name : typeof root;
  const code = typeof (root as { code?: unknown })?.code === "string" ? ((root as { code: string }).code) : undefined;
  const message = root instanceof Error ? root.message : String((root as { message?: unknown })?.message ?? root);
  // The HTTP driver appends the endpoint's whole answer to "Server error (HTTP status …)"; it can
  // echo the connection's host and port.
  return { name, code, message: message.replace(/^(Server error \(HTTP status \d+\)).*$/s, "$1").slice(0, 300) };
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "TimeoutError";
  }
}

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * `fetch` with a deadline over the whole exchange, the body included (it is read here, and the
 * answer handed on is a buffered copy). Unlike `AbortSignal.timeout`, whose timer stays active until
 * it fires, the timer is cleared as soon as the exchange is over: one invocation that makes many
 * calls (a cron sweep sending thousands of mails) never piles up workerd's 10,000 active timeouts.
 * A deadline that passes aborts the call as `AbortSignal.timeout` would (a `TimeoutError` DOMException).
 */
export async function fetchWithin(input: RequestInfo | URL, init: RequestInit | undefined, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), ms);
  try {
    const res = await fetch(input, { ...init, signal: controller.signal });
    const body = await res.arrayBuffer();
    const headers = new Headers(res.headers);
    // The bytes are already decoded: the copy must not claim an encoding or the wire's length.
    headers.delete("content-encoding");
    headers.delete("content-length");
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers });
  } finally {
    clearTimeout(timer);
  }
}

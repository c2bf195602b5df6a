// The one HTTP client of the Node-side tools (benchmarks, profile, fault scenarios) for any base URL
// that serves the shop's API: JSON in and out, bearer tokens, a time limit and timings per call.

/** Milliseconds on one monotonic clock (the same as the fault scenarios' `now()`). */
const clock = (): number => performance.now();

export interface Res<T = any> {
  method: string;
  path: string;
  /** 0 when no HTTP answer arrived (refused, reset, timed out); `error` says why. */
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** Start and end on the `performance.now()` clock, and their difference. */
  start: number;
  end: number;
  ms: number;
  error?: string;
}

export interface ReqOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!text || !/json/.test(contentType ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class ApiClient {
  readonly base: string;
  /** Requests sent so far (load scenarios report it). */
  sent = 0;
  constructor(base: string) {
    this.base = base.replace(/\/$/, "");
  }

  /** One request; never throws: a missing answer is status 0 with `error`. */
  async req<T = any>(method: string, path: string, opts: ReqOptions = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    this.sent++;
    const start = clock();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      const end = clock();
      return { method, path, status: res.status, headers: res.headers, body: parseBody(text, res.headers.get("content-type")) as T, text, start, end, ms: end - start };
    } catch (err) {
      const end = clock();
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const error = `${err instanceof Error ? err.name : "Error"}: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}`;
      return { method, path, status: 0, headers: new Headers(), body: undefined as T, text: "", start, end, ms: end - start, error };
    }
  }

  /** Like `req`, but throws when no answer arrived (set-up steps and benchmarks). */
  async call<T = any>(method: string, path: string, opts: ReqOptions = {}): Promise<Res<T>> {
    const res = await this.req<T>(method, path, opts);
    if (res.status === 0) throw new Error(`${method} ${path}: no answer (${res.error})`);
    return res;
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.call("POST", "/api/auth/login", { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text.slice(0, 300)}`);
    return res.body.access as string;
  }

  /** Registers the user (or reuses one that exists with this password) and logs in. */
  async user(email: string, password = "client-password-123"): Promise<{ token: string; id: number; email: string }> {
    const reg = await this.call("POST", "/api/auth/register", { body: { email, password } });
    if (reg.status !== 201 && reg.status !== 409) throw new Error(`register ${email}: ${reg.status} ${reg.text.slice(0, 300)}`);
    const token = await this.login(email, password);
    const id = reg.status === 201 ? (reg.body.id as number) : ((await this.call("GET", "/api/me", { token })).body.id as number);
    return { token, id, email };
  }

  /** Path and query of a `next` link (full URL) of a paginated list. */
  static pathOf(link: string): string {
    const u = new URL(link);
    return `${u.pathname}${u.search}`;
  }
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await fn(items[i]!, i);
      }
    }),
  );
}

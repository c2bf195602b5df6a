// A tiny HTTP client for benchmarks and load checks against any BASE_URL that serves API.md.
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class ApiClient {
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${this.base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    let body: unknown = text;
    if (text && (res.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: body as T };
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.call("POST", "/api/auth/login", { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.access as string;
  }

  /** Registers (or reuses) a user and returns an access token. */
  async user(email: string, password = "bench-password-123"): Promise<{ token: string; id: number }> {
    const reg = await this.call("POST", "/api/auth/register", { body: { email, password } });
    if (reg.status !== 201 && reg.status !== 409) throw new Error(`register ${email}: ${reg.status} ${JSON.stringify(reg.body)}`);
    const token = await this.login(email, password);
    const me = await this.call("GET", "/api/me", { token });
    return { token, id: me.body.id as number };
  }
}

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

import { SELF } from "cloudflare:test";

export const BASE = "http://shop.test";

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the Worker like a client would and parses JSON / problem+json bodies. */
export async function api<T = any>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const res = await SELF.fetch(`${BASE}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  const type = res.headers.get("content-type") ?? "";
  if (text && (type.includes("json"))) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}-${counter}@example.com`;
}

export const PASSWORD = "correct horse battery";

export async function register(email = uniqueEmail(), password = PASSWORD, extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/auth/register", { body: { email, password, ...extra } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, password, user: res.body as { id: number; email: string } };
}

export async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const res = await api("POST", "/api/auth/login", { body: { email, password }, headers });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { access: string; refresh: string; token_type: string; expires_in: number };
}

/** A fresh user with tokens. Each call uses its own client address so login throttling never crosses tests. */
export async function newUser(prefix = "user") {
  const { email, password, user } = await register(uniqueEmail(prefix));
  const tokens = await login(email, password, { "cf-connecting-ip": `10.${rand()}.${rand()}.${rand()}` });
  return { email, password, id: user.id, token: tokens.access, refresh: tokens.refresh };
}

function rand() {
  return Math.floor(Math.random() * 250);
}

export function expectProblem(res: ApiResponse, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) throw new Error(`expected problem+json, got ${type}`);
  const body = res.body as { type?: unknown; title?: unknown; status?: unknown; detail?: unknown };
  if (typeof body.type !== "string" || typeof body.title !== "string" || body.status !== status || typeof body.detail !== "string") {
    throw new Error(`not a problem body: ${JSON.stringify(body)}`);
  }
  return res.body as { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };
}

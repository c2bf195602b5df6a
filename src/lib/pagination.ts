import { z } from "@hono/zod-openapi";
import { readConfig, type Env } from "../env";
import { Problem } from "./problem";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** A positive integer in a query string or path ("12"), nothing looser ("1e3", "1.0", " 1"). */
export const positiveIntParam = (description?: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, "Must be a positive integer.")
    .transform(Number)
    .openapi({ type: "string", pattern: "^[1-9][0-9]{0,8}$", description });

export const IdParam = z.object({
  id: positiveIntParam().openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

export const PageQuery = z.object({
  page: positiveIntParam("Page number, from 1.").optional(),
  page_size: positiveIntParam(`Rows per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`)
    .pipe(z.number().max(MAX_PAGE_SIZE, `Must be at most ${MAX_PAGE_SIZE}.`))
    .optional(),
  cursor: z.string().min(1).max(2048).optional().openapi({ description: "Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth." }),
});

export function pageListSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      count: z.number().int().nullable().openapi({ description: "Total rows matching; null when paging by cursor." }),
      next: z.string().nullable(),
      previous: z.string().nullable(),
      next_cursor: z.string().nullable(),
      results: z.array(item),
    })
    .openapi(name);
}

export interface Page<T> {
  count: number | null;
  next: string | null;
  previous: string | null;
  next_cursor: string | null;
  results: T[];
}

function b64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function cursorKey(env: Env): Promise<CryptoKey> {
  const secret = new TextEncoder().encode(`${readConfig(env).JWT_SECRET}:cursor`);
  return crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

/** `<payload>.<hmac>`: opaque to clients and tamper-evident. */
export async function signCursor(env: Env, payload: unknown): Promise<string> {
  const body = new TextEncoder().encode(JSON.stringify(payload));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await cursorKey(env), body));
  return `${b64url(body)}.${b64url(signature)}`;
}

const badCursor = () => new Problem(400, "invalid-cursor", "The cursor was not issued by this server for this query.", { errors: [{ path: "cursor", message: "Invalid cursor." }] });

export async function readCursor<T>(env: Env, cursor: string, schema: z.ZodType<T>): Promise<T> {
  const [body, signature] = cursor.split(".");
  if (!body || !signature) throw badCursor();
  let ok = false;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromB64url(body);
    ok = await crypto.subtle.verify("HMAC", await cursorKey(env), fromB64url(signature), bytes);
  } catch {
    throw badCursor();
  }
  if (!ok) throw badCursor();
  const parsed = schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

/** Same URL with some query parameters replaced (null removes one). */
export function withQuery(url: string, changes: Record<string, string | null>): string {
  const next = new URL(url);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.searchParams.delete(key);
    else next.searchParams.set(key, value);
  }
  return next.toString();
}

export interface PageRequest {
  page: number;
  pageSize: number;
  cursor?: string;
}

export function pageRequest(query: { page?: number; page_size?: number; cursor?: string }): PageRequest {
  if (query.cursor && query.page) {
    throw new Problem(400, "validation", "Use either page or cursor, not both.", { errors: [{ path: "page", message: "Not allowed together with cursor." }] });
  }
  return { page: query.page ?? 1, pageSize: query.page_size ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
}

/**
 * Builds the list envelope. `rows` may hold one row more than the page (that is how a cursor
 * page knows there is a next one); `cursorFor` makes the keyset cursor after a given row.
 */
export async function buildPage<Row, Item>(opts: {
  url: string;
  request: PageRequest;
  rows: Row[];
  count: number | null;
  toItem: (row: Row) => Item;
  cursorFor: (row: Row) => Promise<string>;
}): Promise<Page<Item>> {
  const { url, request, count } = opts;
  const hasMore = opts.rows.length > request.pageSize;
  const rows = hasMore ? opts.rows.slice(0, request.pageSize) : opts.rows;
  const last = rows[rows.length - 1];
  const nextCursor = hasMore && last !== undefined ? await opts.cursorFor(last) : null;
  let next: string | null = null;
  let previous: string | null = null;
  if (request.cursor) {
    next = nextCursor ? withQuery(url, { cursor: nextCursor, page: null }) : null;
  } else {
    next = hasMore ? withQuery(url, { page: String(request.page + 1), cursor: null }) : null;
    previous = request.page > 1 ? withQuery(url, { page: String(request.page - 1), cursor: null }) : null;
  }
  return { count: request.cursor ? null : count, next, previous, next_cursor: nextCursor, results: rows.map(opts.toItem) };
}

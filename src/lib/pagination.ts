import { z } from "@hono/zod-openapi";
import type { Config } from "../env";
import { base64url, fromBase64url } from "./hash";
import { MAX_ID } from "./ids";
import { INT64, UrlOutput } from "./openapi-bounds";
import { Problem, validationProblem } from "./problem";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** Page numbers reach this many rows deep at most (`page × page_size`); deeper pages go by cursor. */
export const MAX_PAGE_DEPTH = 10_000;

/** A positive integer in a query string or path ("12"), nothing looser ("1e3", "1.0", " 1"). */
export const positiveIntParam = (description?: string) =>
  z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, "Must be a positive integer.")
    .transform(Number)
    .pipe(z.number().max(MAX_ID, "Must be a positive integer."))
    .openapi({ type: "string", pattern: "^[1-9][0-9]{0,9}$", maxLength: 10, description });

export const IdParam = z.object({
  id: positiveIntParam().openapi({ param: { name: "id", in: "path" }, example: "1" }),
});

/** Query parameters of every list. Lists are strict: an unknown parameter is a 400 naming it. */
export const PageQuery = z.strictObject({
  page: positiveIntParam(`Page number, from 1; \`page × page_size\` may reach at most ${MAX_PAGE_DEPTH.toLocaleString("en-US")} rows deep (follow \`next_cursor\` beyond).`).optional(),
  page_size: positiveIntParam(`Rows per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`)
    .pipe(z.number().max(MAX_PAGE_SIZE, `Must be at most ${MAX_PAGE_SIZE}.`))
    .optional(),
  cursor: z.string().min(1).max(2048).optional().openapi({ description: "Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth." }),
});

/** For routes that take no query parameters: any parameter is a 400 naming it. */
export const NoQuery = z.strictObject({});

export function pageListSchema<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      count: z.number().int().nullable().openapi({
        ...INT64,
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: `Rows matching: exact up to ${MAX_PAGE_DEPTH.toLocaleString("en-US")}, the planner's estimate beyond (then \`count_estimated\` is true); null when paging by cursor.`,
      }),
      count_estimated: z.boolean().openapi({ description: `True when more than ${MAX_PAGE_DEPTH.toLocaleString("en-US")} rows match and \`count\` is an estimate.` }),
      next: UrlOutput.nullable().openapi({ description: "Full URL of the next page, or null." }),
      previous: UrlOutput.nullable().openapi({ description: "Full URL of the previous page (page-number paging only), or null." }),
      next_cursor: z.string().nullable().openapi({ maxLength: 2048, description: "Pass as `cursor` for the next page by keyset; null on the last page." }),
      results: z.array(item).openapi({ maxItems: MAX_PAGE_SIZE }),
    })
    .openapi(name);
}

export interface Page<T> {
  count: number | null;
  count_estimated: boolean;
  next: string | null;
  previous: string | null;
  next_cursor: string | null;
  results: T[];
}

// ── requests ────────────────────────────────────────────────────────────────

export interface PageRequest {
  page: number;
  pageSize: number;
  cursor?: string;
}

export function pageRequest(query: { page?: number; page_size?: number; cursor?: string }): PageRequest {
  if (query.cursor && query.page) {
    throw validationProblem([{ path: "page", message: "Not allowed together with cursor." }], "Use either page or cursor, not both.");
  }
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  if (page * pageSize > MAX_PAGE_DEPTH) {
    const detail = `Page numbers reach at most ${MAX_PAGE_DEPTH.toLocaleString("en-US")} rows deep (page × page_size ≤ ${MAX_PAGE_DEPTH.toLocaleString("en-US")}). For deeper pages follow next_cursor: pass it back as cursor.`;
    throw validationProblem([{ path: "page", message: `page × page_size must be at most ${MAX_PAGE_DEPTH}; follow next_cursor instead.` }], detail);
  }
  return { page, pageSize, cursor: query.cursor };
}

/** Where a service's query starts and how many rows it reads: one more than the page, to know if there is a next. */
export interface PageWindow<P> {
  limit: number;
  offset: number;
  after?: P;
}

export function pageWindow<P>(request: PageRequest, after?: P): PageWindow<P> {
  return { limit: request.pageSize + 1, offset: after ? 0 : (request.page - 1) * request.pageSize, after };
}

/** A bounded count: exact up to MAX_PAGE_DEPTH rows, else an estimate. */
export interface Count {
  n: number;
  estimated: boolean;
}

// ── cursors ─────────────────────────────────────────────────────────────────

/**
 * A keyset position bound to its list (`k`) and to the query it came from (`s`: user, filters and
 * ordering), signed so a client can neither forge one nor move it to another query.
 */
const CursorSchema = z.object({ k: z.string(), s: z.string(), v: z.string(), id: z.number().int() });
export interface KeysetPosition {
  /** The last row's sort value, as text. */
  value: string;
  id: number;
}

const cursorKeys = new Map<string, Promise<CryptoKey>>();

/** The HMAC key, imported once per isolate. */
function cursorKey(config: Config): Promise<CryptoKey> {
  let key = cursorKeys.get(config.JWT_SECRET);
  if (!key) {
    const secret = new TextEncoder().encode(`${config.JWT_SECRET}:cursor`);
    key = crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    cursorKeys.set(config.JWT_SECRET, key);
  }
  return key;
}

export async function signCursor(config: Config, kind: string, scope: string, position: KeysetPosition): Promise<string> {
  const body = new TextEncoder().encode(JSON.stringify({ k: kind, s: scope, v: position.value, id: position.id }));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await cursorKey(config), body));
  return `${base64url(body)}.${base64url(signature)}`;
}

const badCursor = () =>
  new Problem(400, "invalid-cursor", "The cursor was not issued by this server for this query: pass back next_cursor unchanged, with the same filters and ordering.", {
    errors: [{ path: "cursor", message: "Invalid cursor." }],
  });

/** The position in a cursor this server signed for this list and query; 400 otherwise. */
export async function readCursor(config: Config, cursor: string, kind: string, scope: string): Promise<KeysetPosition> {
  const [body, signature, extra] = cursor.split(".");
  if (!body || !signature || extra !== undefined) throw badCursor();
  let payload: unknown;
  try {
    const bytes = fromBase64url(body);
    if (!(await crypto.subtle.verify("HMAC", await cursorKey(config), fromBase64url(signature), bytes))) throw badCursor();
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw badCursor();
  }
  const parsed = CursorSchema.safeParse(payload);
  if (!parsed.success || parsed.data.k !== kind || parsed.data.s !== scope) throw badCursor();
  return { value: parsed.data.v, id: parsed.data.id };
}

// ── pages ───────────────────────────────────────────────────────────────────

/**
 * Builds the list envelope (through listRead in list-read.ts). `rows` may hold one row more than the page (that is how
 * a page knows there is a next one). `link` makes the URL of another page of the same query; links
 * are built from the parsed, canonical query (see canonicalQuery).
 */
export async function buildPage<Row, Item>(opts: {
  request: PageRequest;
  rows: Row[];
  count: Count | null;
  toItem: (row: Row) => Item;
  cursorFor: (row: Row) => Promise<string>;
  link: (changes: { page?: number; cursor?: string }) => string;
}): Promise<Page<Item>> {
  const { request, count, link } = opts;
  const hasMore = opts.rows.length > request.pageSize;
  const rows = hasMore ? opts.rows.slice(0, request.pageSize) : opts.rows;
  const last = rows[rows.length - 1];
  const nextCursor = hasMore && last !== undefined ? await opts.cursorFor(last) : null;
  let next: string | null = null;
  let previous: string | null = null;
  if (request.cursor) {
    next = nextCursor ? link({ cursor: nextCursor }) : null;
  } else {
    // The page after the deepest numbered one is reached by cursor only.
    const deeper = (request.page + 1) * request.pageSize <= MAX_PAGE_DEPTH;
    next = hasMore ? (deeper ? link({ page: request.page + 1 }) : nextCursor && link({ cursor: nextCursor })) : null;
    previous = request.page > 1 ? link({ page: request.page - 1 }) : null;
  }
  return {
    count: request.cursor ? null : (count?.n ?? null),
    count_estimated: !request.cursor && (count?.estimated ?? false),
    next,
    previous,
    next_cursor: nextCursor,
    results: rows.map(opts.toItem),
  };
}

/** A parsed query parameter: one value, or the list of a repeatable one. */
export type QueryValue = string | number | readonly string[] | undefined;

/**
 * The query string of a list URL from its parsed values, in a fixed order, defaults left out: two
 * requests that mean the same thing (order or spelling of parameters) get the same string, so the
 * same cache entry and the same links.
 */
export function canonicalQuery(values: Record<string, QueryValue>, order: readonly string[]): string {
  const params = new URLSearchParams();
  for (const name of order) {
    const value = values[name];
    // A repeatable parameter arrives parsed as a list, already in its canonical order.
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A function making links (origin-free, see list-read.ts) to other pages of a list: same canonical filters, another page or cursor. */
export function pageLinker(path: string, filters: Record<string, QueryValue>, order: readonly string[], pageSize: number) {
  return (changes: { page?: number; cursor?: string }) => {
    const size = pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize;
    return `${path}${canonicalQuery({ ...filters, page_size: size, page: changes.page, cursor: changes.cursor }, [...order, "page_size", "page", "cursor"])}`;
  };
}

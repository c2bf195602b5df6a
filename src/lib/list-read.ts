import type { Context } from "hono";
import type { TypedResponse } from "hono/types";
import type { AppEnv } from "../context";
import type { Config } from "../env";
import {
  buildPage,
  canonicalQuery,
  pageLinker,
  pageRequest,
  pageWindow,
  readCursor,
  signCursor,
  type Count,
  type KeysetPosition,
  type Page,
  type PageRequest,
  type PageWindow,
  type QueryValue,
} from "./pagination";

/** A list endpoint: what its cursors are called, where it lives, and its filters in canonical order. */
export interface ListDefinition {
  /** A cursor names its list: one issued by another list is refused. */
  kind: string;
  path: string;
  /** Filter parameters in the order links spell them (`ordering` among them when the list has one). */
  params: readonly string[];
  /** The default of `ordering`, for lists that have it: left out of links, part of the cursor's scope. */
  ordering?: string;
}

export type ListQuery = { page?: number; page_size?: number; cursor?: string } & Record<string, QueryValue>;

/**
 * A list read, decided in one place from the route's parsed query: the page asked for, its
 * canonical key, what its count and its cursors depend on, the links to other pages, and the page
 * itself. Everything is origin-free; withOrigin adds the origin at the end (listJson for lists
 * built per request, src/catalog/catalog-cache.ts for cached bodies).
 */
export interface ListRead {
  request: PageRequest;
  /** Path and canonical query of this page, as its own links spell it: equal for requests that mean the same (the catalog's cache key). */
  key: string;
  /** Whether this page shows a count: not when paging by cursor. */
  counts: boolean;
  /** What the count depends on: the owner and the filters, not ordering or page. */
  countScope: string;
  /** What a cursor is bound to: the count's scope and the ordering. */
  cursorScope: string;
  /** The window to read: the page's offset, or the position after the cursor (400 for a cursor of another list or query). */
  window(): Promise<PageWindow<KeysetPosition>>;
  /** The list envelope: `rows` may hold one more than the page (that is how it knows there is a next). */
  page<Row, Item>(rows: Row[], count: Count | null, position: (row: Row) => KeysetPosition, toItem: (row: Row) => Item): Promise<Page<Item>>;
}

/** The keyset position of lists ordered by id alone. */
export const byId = (row: { id: number }): KeysetPosition => ({ value: "", id: row.id });

/** `owner` separates lists of one kind that different callers see (`user:7`, `admin`). */
export function listRead(config: Config, list: ListDefinition, query: ListQuery, owner = ""): ListRead {
  const { page, page_size, cursor, ...filters } = query;
  const request = pageRequest({ page, page_size, cursor });
  const ordering = list.ordering === undefined ? undefined : String(filters.ordering ?? list.ordering);
  const link = pageLinker(list.path, { ...filters, ordering: ordering === list.ordering ? undefined : ordering }, list.params, request.pageSize);
  const countScope = `${owner}${canonicalQuery(filters, list.params.filter((name) => name !== "ordering"))}`;
  const cursorScope = ordering === undefined ? countScope : `${countScope}|${ordering}`;
  return {
    request,
    key: link({ page: request.page === 1 ? undefined : request.page, cursor: request.cursor }),
    counts: !request.cursor,
    countScope,
    cursorScope,
    window: async () => pageWindow(request, request.cursor ? await readCursor(config, request.cursor, list.kind, cursorScope) : undefined),
    page: (rows, count, position, toItem) =>
      buildPage({ request, rows, count, toItem, cursorFor: (row) => signCursor(config, list.kind, cursorScope, position(row)), link }),
  };
}

/**
 * Links in a list body and image URLs are built without an origin (`"next":"/api/…"`,
 * `"url":"/images/…"`), so a cached body does not depend on its first requester's host; each
 * answer gets the origin it was asked on, here. Inside JSON strings a quote is always escaped, so
 * the pattern only ever matches those keys themselves, never text inside a name or description.
 */
export function withOrigin(body: string, origin: string): string {
  return body.replace(/"(next|previous|url)":"\//g, `"$1":"${origin}/`);
}

/** A list page built for this request, its links given the request's origin. */
export function listJson<T>(c: Context<AppEnv>, page: Page<T>) {
  const body = withOrigin(JSON.stringify(page), new URL(c.req.url).origin);
  return c.body(body, 200, { "content-type": "application/json" }) as unknown as TypedResponse<Page<T>, 200, "json">;
}

import type { Pipeline } from "../lib/stamped-cache";
import { CATALOG_VERSION_KEY } from "./catalog-version-keys";

/**
 * Stock apart from content. A cached catalog body is a template: every `stock` and `in_stock` in
 * it is a mark naming a cell (`p<id>` for a product, `v<id>` for a variant), and the cells live in
 * one Redis hash, each `<catalog version>:<stock_version>:<stock>`. The read script returns the
 * template with its cells in the same round trip; the Worker writes the numbers in. An order or a
 * cancellation then changes only the cells it moved (PUT_CELLS below, after its commit), so cached
 * pages and details survive a sale, while a read still shows the stock of the last committed order.
 *
 * Why it stays true (docs/design/caching.md): a cell counts only under the catalog version it was
 * written for, so a version bump (any content write, stock crossing zero, a lost write paid by the
 * keeper or the sweep) retires every cell at once; and `stock_version` (a trigger counts each change
 * of a row's stock) orders the values, so a late write never replaces a newer one: a read's fill
 * that loaded before an order cannot undo the order's cell, whichever reaches Redis last.
 */

/** The hash of stock cells. */
export const STOCK_CELLS_KEY = "catalog:stock";

/** A stock cell as SQL reports it (src/db/functions/shop_stock_cells.sql): [field, stock_version, stock]. */
export type StockCell = [field: string, version: number, stock: number];

// NUL cannot occur in any text Postgres stores, so `\u0000` never appears in a serialized name or
// description: the marks cannot collide with content.
const MARK = "\u0000";
const MARK_PATTERN = /"\\u0000([pv]\d+)([si])"/g;

/** Collects the stock cells a body shows while it is built with marks instead of numbers. */
export class StockMarks {
  readonly cells = new Map<string, StockCell>();

  /** The `stock` and `in_stock` values to put in a body for this row's stock. */
  mark(kind: "p" | "v", id: number, stockVersion: number, stock: number): { stock: number; in_stock: boolean } {
    const field = `${kind}${id}`;
    this.cells.set(field, [field, stockVersion, stock]);
    return { stock: `${MARK}${field}s` as unknown as number, in_stock: `${MARK}${field}i` as unknown as boolean };
  }
}

/** A template with its cells' stock written in. */
export function fillStock(template: string, stock: ReadonlyMap<string, number>): string {
  if (stock.size === 0) return template;
  return template.replace(MARK_PATTERN, (_, field: string, which: string) => {
    const value = stock.get(field) ?? 0;
    return which === "s" ? String(value) : value > 0 ? "true" : "false";
  });
}

/** FNV-1a over the stock shown: with the catalog version, the ETag of a body with stock in it. */
export function stockTag(fields: readonly string[], stock: ReadonlyMap<string, number>): string {
  let hash = 0x811c9dc5;
  for (const field of fields) {
    const text = `${field}=${stock.get(field)};`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The stored entry: `<version>\n<fields>\n<template>`. */
export function entryValue(version: string, fields: readonly string[], template: string): string {
  return `${version}\n${fields.join(",")}\n${template}`;
}

// The read: the version, the entry when it carries that version (else nothing), and the entry's
// cells; for a list also the count's version and entry. KEYS: version, entry, cells[, count
// version, count entry]. HMGET in slices keeps unpack within Lua's stack.
const READ_SCRIPT = `
local v = redis.call('GET', KEYS[1])
local raw = redis.call('GET', KEYS[2])
local cells = false
if v and raw then
  local a = string.find(raw, '\\n', 1, true)
  if a and string.sub(raw, 1, a - 1) == v then
    local b = string.find(raw, '\\n', a + 1, true)
    if b and b > a + 1 then
      local fields = {}
      for f in string.gmatch(string.sub(raw, a + 1, b - 1), '[^,]+') do fields[#fields + 1] = f end
      cells = {}
      for i = 1, #fields, 500 do
        local got = redis.call('HMGET', KEYS[3], unpack(fields, i, math.min(i + 499, #fields)))
        for j = 1, #got do cells[#cells + 1] = got[j] end
      end
    end
  else
    raw = false
  end
else
  raw = false
end
local out = {v or false, raw, cells}
if KEYS[4] then
  out[4] = redis.call('GET', KEYS[4]) or false
  out[5] = redis.call('GET', KEYS[5]) or false
end
return out`;

/** What the read script answers, decoded: `stock` is null when a cell is missing or from another version. */
export interface CatalogEntryRead {
  version: string | null;
  /** The template of an entry that carries `version`, its cell fields, and their stock. */
  entry: { template: string; fields: string[]; stock: Map<string, number> | null } | null;
  count: { version: string | null; fresh: string | null } | null;
}

function stampedValue(version: string | null, raw: string | null): string | null {
  if (version === null || raw === null) return null;
  const cut = raw.indexOf("\n");
  return cut > 0 && raw.slice(0, cut) === version ? raw.slice(cut + 1) : null;
}

function decodeEntry(version: string, raw: string, cells: (string | null)[] | null): CatalogEntryRead["entry"] {
  const a = raw.indexOf("\n");
  const b = raw.indexOf("\n", a + 1);
  if (b < 0) return null;
  const fields = b > a + 1 ? raw.slice(a + 1, b).split(",") : [];
  const template = raw.slice(b + 1);
  if (fields.length === 0) return { template, fields, stock: new Map() };
  const stock = new Map<string, number>();
  const prefix = `${version}:`;
  for (let i = 0; i < fields.length; i++) {
    const cell = cells?.[i];
    if (!cell || !cell.startsWith(prefix)) return { template, fields, stock: null };
    stock.set(fields[i]!, Number(cell.slice(cell.lastIndexOf(":") + 1)));
  }
  return { template, fields, stock };
}

/** Adds the read to `pipeline` (one round trip with whatever else it carries); decode its result with decodeRead. */
export function addRead(pipeline: Pipeline, key: string, count?: { versionKey: string; key: string }): Pipeline {
  const keys = [CATALOG_VERSION_KEY, key, STOCK_CELLS_KEY];
  if (count) keys.push(count.versionKey, count.key);
  return pipeline.eval(READ_SCRIPT, keys, []);
}

export function decodeRead(result: unknown): CatalogEntryRead {
  const [version = null, raw = null, cells = null, countVersion, countRaw] = result as [string | null, string | null, (string | null)[] | null, (string | null)?, (string | null)?];
  const entry = version !== null && raw !== null ? decodeEntry(version, raw, cells) : null;
  const count = countVersion === undefined ? null : { version: countVersion, fresh: stampedValue(countVersion, countRaw ?? null) };
  return { version, entry, count };
}

// Writes cells. ARGV[1] is the catalog version the values were read under (a read's fill), or ''
// for "the version now" (a writer after its commit: its values are the newest committed when it
// writes). A cell is written when it is missing, from an older catalog version, or of this version
// with an older stock_version; never over a newer one. ARGV[2] the hash's TTL; then triples field,
// stock_version, stock.
const PUT_CELLS_SCRIPT = `
local v = ARGV[1]
if v == '' then v = redis.call('GET', KEYS[1]) end
if not v then return 0 end
local nv = tonumber(v)
local n = 0
for i = 3, #ARGV, 3 do
  local cur = redis.call('HGET', KEYS[2], ARGV[i])
  local put = true
  if cur then
    local cv, cs = string.match(cur, '^(%d+):(%d+):')
    cv = tonumber(cv)
    cs = tonumber(cs)
    if cv == nv then put = cs < tonumber(ARGV[i + 1]) else put = cv < nv end
  end
  if put then
    redis.call('HSET', KEYS[2], ARGV[i], v .. ':' .. ARGV[i + 1] .. ':' .. ARGV[i + 2])
    n = n + 1
  end
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
return n`;

/** Cells live a little longer than the entries that name them (which live an hour). */
const CELLS_TTL_SECONDS = 2 * 3600;

function cellArgs(cells: Iterable<StockCell>): string[] {
  const args: string[] = [];
  for (const [field, version, stock] of cells) args.push(field, String(version), String(stock));
  return args;
}

/** A read's fill: the cells it loaded, under the version it read before loading. */
export function addFill(pipeline: Pipeline, version: string, cells: Iterable<StockCell>): Pipeline {
  return pipeline.eval(PUT_CELLS_SCRIPT, [CATALOG_VERSION_KEY, STOCK_CELLS_KEY], [version, String(CELLS_TTL_SECONDS), ...cellArgs(cells)]);
}

/** A writer's cells after its commit (an order, a cancellation, a restocking refund). */
export function addAdvance(pipeline: Pipeline, cells: Iterable<StockCell>): Pipeline {
  return pipeline.eval(PUT_CELLS_SCRIPT, [CATALOG_VERSION_KEY, STOCK_CELLS_KEY], ["", String(CELLS_TTL_SECONDS), ...cellArgs(cells)]);
}

// No imports on purpose: the Node-side seed script imports this file directly, so a bulk load
// raises exactly the versions the Worker reads.

/** One Redis key versions every cached catalog read; raising it invalidates them all at once. */
export const CATALOG_VERSION_KEY = "catalog:ver";

/**
 * Versions the cached product counts. Raised only by writes that can change which products a
 * filter matches (admin catalog writes, stock reaching or leaving 0, bulk loads), so an ordinary
 * order does not make the next page recount a million rows.
 */
export const CATALOG_COUNT_VERSION_KEY = "catalog:count-ver";

/** Every version key; a write that may change what any cached read returns raises them all. */
export const ALL_CATALOG_VERSION_KEYS = [CATALOG_VERSION_KEY, CATALOG_COUNT_VERSION_KEY];

/**
 * Versions only grow from a clock-based seed (microseconds since the epoch), so a version key that
 * was lost (evicted, flushed, Redis restarted without its data) comes back with a value no earlier
 * cache entry can carry. A plain INCR would restart at 1 and could match an entry stamped long ago.
 * Raise a version with `SET key <seed> NX` then `INCR key`.
 */
export function versionSeed(): string {
  return String(Date.now() * 1000);
}

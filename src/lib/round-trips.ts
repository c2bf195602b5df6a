import { AsyncLocalStorage } from "node:async_hooks";

/** Round trips one request made to Postgres (`db`) and Redis (`cache`) before its response, and the SQL statements they carried. */
export interface RoundTrips {
  db: number;
  cache: number;
  statements: number;
}

const current = new AsyncLocalStorage<RoundTrips | null>();

/** Called by the drivers' wrappers for every request they send. No-op unless counting is on. */
export function countRoundTrip(kind: "db" | "cache"): void {
  const tally = current.getStore();
  if (tally) tally[kind] += 1;
}

/** Counts the statements of one request to Neon's HTTP endpoint (`{query}` or `{queries: [...]}`). */
export function countStatements(body: unknown): void {
  const tally = current.getStore();
  if (!tally || typeof body !== "string") return;
  const parsed = JSON.parse(body) as { queries?: unknown[] };
  tally.statements += Array.isArray(parsed.queries) ? parsed.queries.length : 1;
}

/**
 * Runs a request's work while counting its round trips. The tally is read once the response is
 * ready: work handed to waitUntil keeps counting into it but is not on the critical path.
 */
export async function countingRoundTrips(work: () => Promise<void>): Promise<RoundTrips> {
  const tally: RoundTrips = { db: 0, cache: 0, statements: 0 };
  await current.run(tally, work);
  return { ...tally };
}

/**
 * Starts work that is not on the request's critical path (see afterResponse): its round trips are
 * not counted. The work's `then` is called inside the uncounted context: a lazy thenable (a drizzle
 * query builder) only sends its query then, and would otherwise be counted where it is awaited.
 */
export function uncounted<T>(work: () => PromiseLike<T>): Promise<T> {
  const start = () => new Promise<T>((resolve, reject) => work().then(resolve, reject));
  return current.getStore() ? current.run(null, start) : start();
}

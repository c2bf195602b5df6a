import type { Redis } from "@upstash/redis/cloudflare";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { cacheCall } from "../lib/redis";
import type { SweepProgress } from "../lib/sweep";

/** Objects younger than this are left alone: an upload writes its row first, but a clock or a slow request should never cost a picture. */
const GRACE_MS = 60 * 60 * 1000;
/** One bucket page (R2's most) and one query per batch. */
const PAGE_SIZE = 1000;
/** No new page after this long; the next hourly run starts after the last key this one looked at. */
const BUDGET_MS = 20_000;
/** Where a run that stopped at its budget left off (the last key it looked at). Losing it costs only a walk from the start. */
export const IMAGE_SWEEP_RESUME_KEY = "sweep:images:after";

export interface ImageSweep extends SweepProgress {
  deleted: number;
}

export interface ImageSweepOptions {
  olderThanMs?: number;
  now?: number;
  pageSize?: number;
  budgetMs?: number;
}

/**
 * Deletes stored pictures that no product_images row refers to any more: the bytes of a product
 * deleted with its pictures (the rows go by ON DELETE CASCADE, the objects stay), or of a delete
 * whose after-response clean-up failed. Walks the bucket a page at a time (one query per page) in
 * key order, under its own time budget; a run that stops early records in Redis the last key it
 * looked at, and the next run goes on after it.
 */
export async function sweepUnreferencedImages(db: Database, bucket: R2Bucket, redis: Redis, opts: ImageSweepOptions = {}): Promise<ImageSweep> {
  const started = Date.now();
  const olderThan = (opts.now ?? started) - (opts.olderThanMs ?? GRACE_MS);
  const result: ImageSweep = { deleted: 0, batches: 0, complete: false };
  // Redis down: start from the first key (the walk is still bounded, and deletes only what no row names).
  let after = (await cacheCall(() => redis.get<string>(IMAGE_SWEEP_RESUME_KEY)).catch(() => null)) ?? undefined;
  for (;;) {
    const page = await bucket.list({ startAfter: after, limit: opts.pageSize ?? PAGE_SIZE });
    const candidates = page.objects.filter((o) => o.uploaded.getTime() <= olderThan).map((o) => o.key);
    if (candidates.length > 0) {
      const { rows } = await db.execute<{ key: string }>(sql`
        select k.key from unnest(array[${sql.join(candidates.map((key) => sql`${key}`), sql`, `)}]::text[]) as k(key)
        where not exists (select 1 from product_images p where p.key = k.key)`);
      if (rows.length > 0) {
        await bucket.delete(rows.map((row) => row.key));
        result.deleted += rows.length;
      }
    }
    result.batches++;
    after = page.objects.at(-1)?.key;
    if (!page.truncated || after === undefined) {
      result.complete = true;
      break;
    }
    if (Date.now() - started >= (opts.budgetMs ?? BUDGET_MS)) break;
  }
  await cacheCall<unknown>(() => (result.complete ? redis.del(IMAGE_SWEEP_RESUME_KEY) : redis.set(IMAGE_SWEEP_RESUME_KEY, after!))).catch(() => undefined);
  return result;
}

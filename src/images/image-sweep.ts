import { sql } from "drizzle-orm";
import type { Database } from "../db/client";

/** Objects younger than this are left alone: an upload writes its row first, but a clock or a slow request should never cost a picture. */
const GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes stored pictures that no product_images row refers to any more: the bytes of a product
 * deleted with its pictures (the rows go by ON DELETE CASCADE, the objects stay), or of a delete
 * whose after-response clean-up failed. Walks the bucket a page at a time, one query per page.
 * Returns how many objects it deleted.
 */
export async function sweepUnreferencedImages(db: Database, bucket: R2Bucket, opts: { olderThanMs?: number; now?: number } = {}): Promise<number> {
  const olderThan = (opts.now ?? Date.now()) - (opts.olderThanMs ?? GRACE_MS);
  let cursor: string | undefined;
  let deleted = 0;
  do {
    const page = await bucket.list({ cursor, limit: 1000 });
    const candidates = page.objects.filter((o) => o.uploaded.getTime() <= olderThan).map((o) => o.key);
    if (candidates.length > 0) {
      const { rows } = await db.execute<{ key: string }>(sql`
        select k.key from unnest(array[${sql.join(candidates.map((key) => sql`${key}`), sql`, `)}]::text[]) as k(key)
        where not exists (select 1 from product_images p where p.key = k.key)`);
      if (rows.length > 0) {
        await bucket.delete(rows.map((row) => row.key));
        deleted += rows.length;
      }
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}

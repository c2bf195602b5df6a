import { RespClient } from "../bridges/resp.ts";

/**
 * Bulk loads bypass the Worker, so they invalidate the catalog cache themselves (when told where
 * Redis is), the way the Worker does: seed a missing version from the clock, then raise it.
 */
export async function bumpCatalogVersionDirect(redisUrl: string | undefined): Promise<void> {
  if (!redisUrl) {
    console.log("REDIS_URL not set: cached catalog pages expire within the hour (or restart npm run dev).");
    return;
  }
  const client = new RespClient(redisUrl);
  try {
    await client.send([
      ["SET", "catalog:ver", String(Date.now() * 1000), "NX"],
      ["INCR", "catalog:ver"],
    ]);
  } finally {
    client.close();
  }
}

import { ALL_CATALOG_VERSION_KEYS, versionSeed } from "../../src/catalog/catalog-version-keys.ts";
import { RespClient } from "../bridges/resp.ts";

/**
 * Bulk loads bypass the Worker, so they invalidate the catalog cache themselves (when told where
 * Redis is), the way the Worker does: every version, counts included (a load changes what filters
 * match), each seeded from the clock when missing and then raised.
 */
export async function bumpCatalogVersionDirect(redisUrl: string | undefined): Promise<void> {
  if (!redisUrl) {
    console.log("REDIS_URL not set: cached catalog pages expire within the hour (or restart npm run dev).");
    return;
  }
  const client = new RespClient(redisUrl);
  try {
    await client.send(ALL_CATALOG_VERSION_KEYS.flatMap((key) => [["SET", key, versionSeed(), "NX"], ["INCR", key]]));
  } finally {
    client.close();
  }
}

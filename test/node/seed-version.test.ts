import { describe, expect, inject, it } from "vitest";
import { RespClient } from "../../scripts/bridges/resp.ts";
import { bumpCatalogVersionDirect } from "../../scripts/lib/redis-version.ts";

async function redis(commands: string[][]) {
  const client = new RespClient(inject("redisUrl"));
  try {
    return await client.send(commands);
  } finally {
    client.close();
  }
}

describe("a bulk load's cache invalidation (npm run seed)", () => {
  it("raises the catalog and the count versions, so cached pages and counts are both refetched", async () => {
    const [ver, countVer] = (await redis([["GET", "catalog:ver"], ["GET", "catalog:count-ver"]])).map(Number);
    await bumpCatalogVersionDirect(inject("redisUrl"));
    const [after, countAfter] = (await redis([["GET", "catalog:ver"], ["GET", "catalog:count-ver"]])).map(Number);
    expect(after).toBeGreaterThan(ver ?? 0);
    expect(countAfter).toBeGreaterThan(countVer ?? 0);
  });

  it("seeds lost versions from the clock rather than restarting them at 1", async () => {
    await redis([["DEL", "catalog:ver", "catalog:count-ver"]]);
    const before = Date.now() * 1000;
    await bumpCatalogVersionDirect(inject("redisUrl"));
    const values = (await redis([["GET", "catalog:ver"], ["GET", "catalog:count-ver"]])).map(Number);
    for (const value of values) expect(value).toBeGreaterThan(before);
  });
});

import { DurableObject } from "cloudflare:workers";
import { readConfig, type Env } from "../env";
import { createRedis, withCacheTimeout } from "../lib/redis";
import { raiseVersions } from "./catalog-version";
import type { CatalogVersionKeeperRpc } from "./catalog-version-keeper.contract";

/** How often the keeper retries a bump that Redis refused. */
const KEEPER_RETRY_MS = 1000;

/**
 * One per deployment (idFromName("catalog")). Holds owed version bumps durably: its alarm raises the
 * version once Redis answers again, retrying every second until then, so entries cached before an
 * outage are not served as fresh after it by isolates that never saw the failed write.
 */
export class CatalogVersionKeeper extends DurableObject<Env> implements CatalogVersionKeeperRpc {
  async owe(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    try {
      await withCacheTimeout(raiseVersions(createRedis(readConfig(this.env)).pipeline()).exec());
    } catch {
      await this.ctx.storage.setAlarm(Date.now() + KEEPER_RETRY_MS);
    }
  }
}

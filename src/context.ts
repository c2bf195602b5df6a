import type { Redis } from "@upstash/redis/cloudflare";
import type { DbHandle } from "./db/client";
import type { Env } from "./env";

export interface AuthUser {
  id: number;
  email: string;
  isAdmin: boolean;
  /** The refresh-token family the access token belongs to. */
  sessionId: string;
  /** Access token expiry, ms since the epoch. */
  expiresAt: number;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    dbHandle?: DbHandle;
    redis?: Redis;
    /** Redis failed once in this request: later cache steps skip it instead of waiting again. */
    cacheFailed?: boolean;
    user?: AuthUser;
  };
}

import type { Env } from "./env";

/** The caller, as the access token names them. */
export interface AuthUser {
  id: number;
  /** The refresh-token family the access token belongs to. */
  sessionId: string;
  /** Access token expiry, ms since the epoch. */
  expiresAt: number;
  /** The token says admin (see AccessClaims.admin): enough to refuse, never enough to allow. */
  admin: boolean;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    /** Redis failed once in this request: later cache steps skip it instead of waiting again. */
    cacheFailed?: boolean;
    user?: AuthUser;
  };
}

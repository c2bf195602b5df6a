import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { useDb } from "../db/use";
import { readConfig, type Env } from "../env";
import { deliverOutbox } from "../email";
import { afterResponse } from "../lib/background";
import type { AppRouteHandler } from "../lib/openapi";
import { Problem, unauthorized } from "../lib/problem";
import { endSessionSockets } from "../notifications/push";
import type { getMeRoute, loginRoute, logoutRoute, refreshRoute, registerRoute, updateMeRoute } from "./auth.routes";
import { capSessions, endSession, getUser, invalidRefresh, logIn, registerUser, rotateRefreshToken, toUserResponse, updateProfile } from "./auth.service";
import { currentUser } from "./guards";
import { clearedRefreshCookie, clearingCookie, pairResponse, presentedRefreshToken } from "./refresh-cookie";
import { clientAddress, countLoginAttempt, countRegistration, throttled } from "./throttle";

export const register: AppRouteHandler<typeof registerRoute> = async (c) => {
  const config = readConfig(c.env);
  await countRegistration(config, clientAddress(c.req.header("cf-connecting-ip")));
  const db = useDb(c);
  const { row, verificationEmailId } = await registerUser(db, c.req.valid("json"), config.PASSWORD_PEPPER);
  afterResponse(c, () => deliverOutbox(config, db, { ids: [verificationEmailId] }));
  return c.json(toUserResponse(row), 201);
};

/**
 * One Redis round trip counts the attempt before the password is judged; one Postgres round trip does
 * the rest (and counts the attempt itself when Redis could not).
 */
export const login: AppRouteHandler<typeof loginRoute> = async (c) => {
  const { email, password } = c.req.valid("json");
  const config = readConfig(c.env);
  const db = useDb(c);
  const counted = await countLoginAttempt(config, email, c.req.header("cf-connecting-ip"));
  const result = await logIn(db, config, email, password, counted.inPostgres);
  if (!result.ok) {
    if ("throttledFor" in result) throw throttled("login", result.throttledFor);
    if (result.discard) afterResponse(c, result.discard);
    throw unauthorized("The email or password is wrong.");
  }
  afterResponse(c, () => counted.takeBack(db));
  afterResponse(c, () => endOldestSessions(c.env, db, result.userId));
  if (result.rehash) afterResponse(c, result.rehash);
  return c.json(pairResponse(c, config, result.pair, c.req.valid("header")["refresh-token-transport"] === "cookie"), 200);
};

/** Past MAX_SESSIONS_PER_USER live sessions the oldest end, and so do their sockets (4001). */
async function endOldestSessions(env: Env, db: Database, userId: number): Promise<void> {
  const ended = await capSessions(db, userId);
  await Promise.all(ended.map((sessionId) => endSessionSockets(env, userId, sessionId)));
}

/** A rotated token presented again ends its whole session: its sockets close (4001) after the response. */
export const refresh: AppRouteHandler<typeof refreshRoute> = async (c) => {
  const config = readConfig(c.env);
  const headers = c.req.valid("header");
  const asCookie = headers["refresh-token-transport"] === "cookie";
  const token = presentedRefreshToken(c, c.req.valid("json").refresh, asCookie);
  const result = await rotateRefreshToken(useDb(c), config, token, headers["idempotency-key"]);
  if (!result.ok) {
    const ended = result.ended;
    if (ended) afterResponse(c, () => endSessionSockets(c.env, ended.userId, ended.sessionId));
    throw clearingCookie(invalidRefresh(), asCookie);
  }
  return c.json(pairResponse(c, config, result.pair, asCookie), 200);
};

export const logout: AppRouteHandler<typeof logoutRoute> = async (c) => {
  const asCookie = c.req.valid("header")["refresh-token-transport"] === "cookie";
  const token = presentedRefreshToken(c, c.req.valid("json").refresh, asCookie);
  const ended = await endSession(useDb(c), token).catch((err: unknown) => {
    throw err instanceof Problem ? clearingCookie(err, asCookie) : err;
  });
  afterResponse(c, () => endSessionSockets(c.env, ended.userId, ended.sessionId));
  if (asCookie) c.header("set-cookie", clearedRefreshCookie);
  return c.body(null, 204);
};

export const getMe: AppRouteHandler<typeof getMeRoute> = async (c) => {
  const row = await getUser(useDb(c), currentUser(c).id);
  if (!row) throw unauthorized();
  return c.json(toUserResponse(row), 200);
};

export const updateMe: AppRouteHandler<typeof updateMeRoute> = async (c) => {
  const row = await updateProfile(useDb(c), currentUser(c).id, c.req.valid("json"));
  if (!row) throw unauthorized();
  return c.json(toUserResponse(row), 200);
};

import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { deliverOutbox } from "../email";
import { afterResponse } from "../lib/background";
import type { AppRouteHandler } from "../lib/openapi";
import { unauthorized } from "../lib/problem";
import { useRedis } from "../lib/redis";
import { endSessionSockets } from "../notifications/push";
import type { getMeRoute, loginRoute, logoutRoute, refreshRoute, registerRoute, updateMeRoute } from "./auth.routes";
import { endSession, getUser, invalidRefresh, logIn, registerUser, rotateRefreshToken, toUserResponse, updateProfile } from "./auth.service";
import { currentUser } from "./guards";
import { clientAddress, countLoginAttempt, countRegistration } from "./throttle";

export const register: AppRouteHandler<typeof registerRoute> = async (c) => {
  await countRegistration(useRedis(c), readConfig(c.env), clientAddress(c.req.header("cf-connecting-ip")));
  const db = useDb(c);
  const { row, verificationEmailId } = await registerUser(db, c.req.valid("json"));
  afterResponse(c, () => deliverOutbox(readConfig(c.env), db, { ids: [verificationEmailId] }));
  return c.json(toUserResponse(row), 201);
};

/** One Redis round trip counts the attempt before the password is judged; one Postgres round trip does the rest. */
export const login: AppRouteHandler<typeof loginRoute> = async (c) => {
  const { email, password } = c.req.valid("json");
  const config = readConfig(c.env);
  const takeBack = await countLoginAttempt(useRedis(c), config, email, clientAddress(c.req.header("cf-connecting-ip")));
  const result = await logIn(useDb(c), config, email, password);
  if (!result.ok) {
    if (result.discard) afterResponse(c, result.discard);
    throw unauthorized("The email or password is wrong.");
  }
  if (takeBack) afterResponse(c, takeBack);
  if (result.rehash) afterResponse(c, result.rehash);
  return c.json(result.pair, 200);
};

/** A rotated token presented again ends its whole session: its sockets close (4001) after the response. */
export const refresh: AppRouteHandler<typeof refreshRoute> = async (c) => {
  const result = await rotateRefreshToken(useDb(c), readConfig(c.env), c.req.valid("json").refresh);
  if (!result.ok) {
    const ended = result.ended;
    if (ended) afterResponse(c, () => endSessionSockets(c.env, ended.userId, ended.sessionId));
    throw invalidRefresh();
  }
  return c.json(result.pair, 200);
};

export const logout: AppRouteHandler<typeof logoutRoute> = async (c) => {
  const ended = await endSession(useDb(c), c.req.valid("json").refresh);
  afterResponse(c, () => endSessionSockets(c.env, ended.userId, ended.sessionId));
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

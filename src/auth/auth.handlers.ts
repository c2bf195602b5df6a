import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { useRedis } from "../lib/redis";
import { unauthorized } from "../lib/problem";
import { currentUser } from "./auth.middleware";
import type { getMeRoute, loginRoute, logoutRoute, refreshRoute, registerRoute, updateMeRoute } from "./auth.routes";
import { checkCredentials, invalidRefreshProblem, getUser, registerUser, revokeRefreshToken, rotateRefreshToken, startSession, toUserResponse, updateProfile } from "./auth.service";
import { LoginThrottle } from "./throttle";

function clientAddress(c: Context<AppEnv>): string {
  return c.req.header("cf-connecting-ip") ?? "unknown";
}

function throttle(c: Context<AppEnv>): LoginThrottle {
  const config = readConfig(c.env);
  return new LoginThrottle(useRedis(c), {
    perEmail: config.LOGIN_MAX_FAILURES_PER_EMAIL,
    perClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
    windowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS,
  });
}

export const register: RouteHandler<typeof registerRoute, AppEnv> = async (c) => {
  const row = await registerUser(useDb(c), c.req.valid("json"));
  return c.json(toUserResponse(row), 201);
};

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const client = clientAddress(c);
  const limiter = throttle(c);
  await limiter.assertAllowed(email, client);
  const db = useDb(c);
  const user = await checkCredentials(db, email, password);
  if (!user) {
    await limiter.recordFailure(email, client);
    throw unauthorized("The email or password is wrong.");
  }
  await limiter.recordSuccess(email);
  return c.json(await startSession(db, readConfig(c.env), user.id), 200);
};

export const refresh: RouteHandler<typeof refreshRoute, AppEnv> = async (c) => {
  const db = useDb(c);
  const pair = await db.transaction((tx) => rotateRefreshToken(tx, readConfig(c.env), c.req.valid("json").refresh));
  if (pair === "rejected") throw invalidRefreshProblem();
  return c.json(pair, 200);
};

export const logout: RouteHandler<typeof logoutRoute, AppEnv> = async (c) => {
  await revokeRefreshToken(useDb(c), readConfig(c.env), c.req.valid("json").refresh);
  return c.body(null, 204);
};

export const getMe: RouteHandler<typeof getMeRoute, AppEnv> = async (c) => {
  const row = await getUser(useDb(c), currentUser(c).id);
  if (!row) throw unauthorized();
  return c.json(toUserResponse(row), 200);
};

export const updateMe: RouteHandler<typeof updateMeRoute, AppEnv> = async (c) => {
  const row = await updateProfile(useDb(c), currentUser(c).id, c.req.valid("json"));
  if (!row) throw unauthorized();
  return c.json(toUserResponse(row), 200);
};

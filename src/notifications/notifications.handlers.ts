import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authenticate, bearerToken, currentUser } from "../auth/auth.middleware";
import type { AppEnv, AuthUser } from "../context";
import { useDb } from "../db/use";
import { pageRequest } from "../lib/pagination";
import { Problem } from "../lib/problem";
import type * as routes from "./notifications.routes";
import { UpgradeHeader } from "./notifier.contract";
import * as service from "./notifications.service";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

export const listNotifications: Handler<typeof routes.listNotificationsRoute> = async (c) => {
  const query = c.req.valid("query");
  const page = await service.listNotifications(useDb(c), c.env, c.req.url, currentUser(c).id, pageRequest(query), { after: query.after, unread: query.unread });
  return c.json(page, 200);
};

export const markRead: Handler<typeof routes.markReadRoute> = async (c) => {
  await service.markRead(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};

export const markAllRead: Handler<typeof routes.markAllReadRoute> = async (c) => {
  await service.markAllRead(useDb(c), currentUser(c).id);
  return c.body(null, 204);
};

/**
 * Authenticates before forwarding the upgrade to the user's own Durable Object, so a socket can
 * only ever join its owner's object.
 */
export async function openSocket(c: Context<AppEnv>): Promise<Response> {
  const user = await authenticate(c, bearerToken(c) ?? c.req.query("token") ?? null);
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new Problem(426, "upgrade-required", "This endpoint only speaks WebSocket: send Upgrade: websocket.", { headers: { upgrade: "websocket" } });
  }
  const stub = c.env.NOTIFIER.get(c.env.NOTIFIER.idFromName(String(user.id)));
  return stub.fetch(await forwardedUpgrade(c, user));
}

/**
 * The upgrade as the Notifier receives it: without the access token, which it has no use for and
 * so can never log or keep, and with what the token said (session, expiry) and where the user's
 * notifications stand. `set` overwrites any such header a client sent.
 */
async function forwardedUpgrade(c: Context<AppEnv>, user: AuthUser): Promise<Request> {
  const url = new URL(c.req.url);
  url.searchParams.delete("token");
  const forwarded = new Request(url, c.req.raw);
  forwarded.headers.delete("authorization");
  forwarded.headers.set(UpgradeHeader.upTo, String(await service.latestNotificationId(useDb(c), user.id)));
  forwarded.headers.set(UpgradeHeader.session, user.sessionId);
  forwarded.headers.set(UpgradeHeader.expiresAt, String(user.expiresAt));
  return forwarded;
}

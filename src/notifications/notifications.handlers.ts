import type { Context } from "hono";
import { authenticate, bearerToken, currentUser } from "../auth/guards";
import type { AppEnv, AuthUser } from "../context";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import { Problem, unauthorized, unknownQueryParameters } from "../lib/problem";
import type * as routes from "./notifications.routes";
import { UpgradeHeader } from "./notifier.contract";
import * as service from "./notifications.service";
import { issueTicket, redeemTicket } from "./ws-tickets";

const NOTIFICATIONS: ListDefinition = { kind: "notifications", path: "/api/notifications", params: ["after", "unread"] };

export const listNotifications: AppRouteHandler<typeof routes.listNotificationsRoute> = async (c) => {
  const query = c.req.valid("query");
  const userId = currentUser(c).id;
  const list = listRead(readConfig(c.env), NOTIFICATIONS, query, `user:${userId}`);
  const { rows, count } = await service.listNotifications(useDb(c), userId, { after: query.after, unread: query.unread }, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, service.toNotification));
};

export const markRead: AppRouteHandler<typeof routes.markReadRoute> = async (c) => {
  await service.markRead(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};

export const markAllRead: AppRouteHandler<typeof routes.markAllReadRoute> = async (c) => {
  await service.markAllRead(useDb(c), currentUser(c).id);
  return c.body(null, 204);
};

/** Issues a single-use ticket that opens one socket for the caller's session (`?ticket=`), so no token goes in a URL. */
export const issueSocketTicket: AppRouteHandler<typeof routes.socketTicketRoute> = async (c) => {
  const issued = await issueTicket(useDb(c), currentUser(c));
  if (!issued) throw unauthorized("The access token names no user.");
  return c.json({ ticket: issued.ticket, expires_in: issued.expiresIn }, 201);
};

/**
 * Authenticates before forwarding the upgrade to the user's own Durable Object, so a socket can
 * only ever join its owner's object. A ticket (`?ticket=`, what the storefront sends) is used up
 * only by a real upgrade; an access token may come as a header or, for older clients, `?token=`.
 */
export async function openSocket(c: Context<AppEnv>): Promise<Response> {
  const unknown = [...new URL(c.req.url).searchParams.keys()].filter((name) => name !== "token" && name !== "ticket");
  if (unknown.length > 0) throw unknownQueryParameters(unknown);
  const ticket = c.req.query("ticket");
  const user = ticket === undefined ? await authenticate(c, bearerToken(c) ?? c.req.query("token") ?? null) : null;
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new Problem(426, "upgrade-required", "This endpoint only speaks WebSocket: send Upgrade: websocket.", { headers: { upgrade: "websocket" } });
  }
  let authorised: { user: AuthUser; upTo: number };
  if (user) {
    const upTo = await service.latestNotificationId(useDb(c), user.id);
    if (upTo === null) throw unauthorized("The access token names no user.");
    authorised = { user, upTo };
  } else {
    const redeemed = await redeemTicket(useDb(c), ticket ?? "");
    if (!redeemed) throw unauthorized("The ticket is invalid, used or expired: ask POST /api/notifications/ws-ticket for another.");
    c.set("user", redeemed.user);
    authorised = redeemed;
  }
  const stub = c.env.NOTIFIER.get(c.env.NOTIFIER.idFromName(String(authorised.user.id)));
  return stub.fetch(forwardedUpgrade(c, authorised.user, authorised.upTo));
}

/**
 * The upgrade as the Notifier receives it: without the access token or ticket, which it has no use
 * for and so can never log or keep, and with what the token said (session, expiry) and where the
 * user's notifications stand. `set` overwrites any such header a client sent.
 */
function forwardedUpgrade(c: Context<AppEnv>, user: AuthUser, upTo: number): Request {
  const url = new URL(c.req.url);
  url.searchParams.delete("token");
  url.searchParams.delete("ticket");
  const forwarded = new Request(url, c.req.raw);
  forwarded.headers.delete("authorization");
  forwarded.headers.set(UpgradeHeader.upTo, String(upTo));
  forwarded.headers.set(UpgradeHeader.session, user.sessionId);
  forwarded.headers.set(UpgradeHeader.expiresAt, String(user.expiresAt));
  return forwarded;
}

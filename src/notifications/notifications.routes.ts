import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../auth/guards";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import { NotificationListQuery, NotificationPageSchema, SocketTicketSchema } from "./notifications.schemas";
import { CloseCode, MAX_SOCKETS_PER_USER } from "./notifier.contract";

export const listNotificationsRoute = createRoute({
  operationId: "listNotifications",
  method: "get",
  path: "/api/notifications",
  tags: ["Notifications"],
  summary: "Own notifications, newest first",
  description: "`after=<id>`: only newer ones, oldest first — after a WebSocket reconnect, fetch from the last id seen. `unread=true` filters.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NotificationListQuery },
  responses: { 200: jsonContent(NotificationPageSchema, "A page of notifications"), ...problemResponses(400, 401) },
});

export const markReadRoute = createRoute({
  operationId: "markRead",
  method: "post",
  path: "/api/notifications/{id}/read",
  tags: ["Notifications"],
  summary: "Mark one notification read",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Marked read" }, ...problemResponses(400, 401, 404) },
});

export const markAllReadRoute = createRoute({
  operationId: "markAllRead",
  method: "post",
  path: "/api/notifications/read",
  tags: ["Notifications"],
  summary: "Mark all own notifications read",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 204: { description: "Marked read" }, ...problemResponses(401) },
});

/** Documented only: the upgrade is served by a plain Hono route (a 101 has no JSON schema). */
export const socketRoute = createRoute({
  operationId: "socket",
  method: "get",
  path: "/api/notifications/ws",
  tags: ["Notifications"],
  summary: "WebSocket of live notifications",
  description: [
    "Upgrade with a single-use ticket, `?ticket=<ticket>` from `POST /api/notifications/ws-ticket` (what browsers should use: they cannot set headers on a WebSocket, and a ticket keeps the access token out of URLs), or with `Authorization: Bearer <access>`. `?token=<access>` still works for older clients (the API never writes it to a log). A ticket is used up only by a successful upgrade.",
    "Each status change of one of your orders arrives as one JSON text message shaped like a Notification, within a second: in increasing id order, each once, without gaps.",
    "Send `{\"type\":\"ping\"}` to get `{\"type\":\"pong\"}`. After a reconnect, fetch `GET /api/notifications?after=<last id seen>` (following `next`) before trusting that id again.",
    `Close codes: **${CloseCode.resync}** resync (the server could not guarantee the order): reconnect and catch up;`,
    `**${CloseCode.sessionEnded}** session ended: logout, reuse of a rotated refresh token, or the access token expired. Refresh (log in again if that fails) and reconnect with the new access token;`,
    `**${CloseCode.tooManySockets}** too many sockets: a user holds at most ${MAX_SOCKETS_PER_USER}, and opening one more closes the oldest.`,
  ].join(" "),
  security: bearerSecurity,
  request: {
    query: z.strictObject({
      ticket: z.string().max(200).optional().openapi({ description: "A ticket from POST /api/notifications/ws-ticket (single use, 30 seconds)." }),
      token: z.string().max(4096).optional().openapi({ description: "Access token, for older clients that cannot send headers; prefer a ticket." }),
    }),
  },
  responses: { 101: { description: "Switching protocols" }, ...problemResponses(400, 401, 426) },
});

export const socketTicketRoute = createRoute({
  operationId: "socketTicket",
  method: "post",
  path: "/api/notifications/ws-ticket",
  tags: ["Notifications"],
  summary: "A single-use ticket to open the notifications WebSocket",
  description:
    "Returns a ticket that opens one socket (`GET /api/notifications/ws?ticket=<ticket>`) for this access token's session, within 30 seconds (never past the access token's own expiry). Tickets are stored hashed and used up by the upgrade, so an address that leaks to a log or a history opens nothing.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 201: jsonContent(SocketTicketSchema, "The ticket"), ...problemResponses(400, 401) },
});

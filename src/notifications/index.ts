import { createRouter } from "../lib/openapi";
import * as handlers from "./notifications.handlers";
import * as routes from "./notifications.routes";

export function notificationsRouter() {
  const router = createRouter();
  // The socket route authenticates itself (ticket, header or ?token=) before the upgrade.
  router.get("/api/notifications/ws", handlers.openSocket);
  router.openAPIRegistry.registerPath(routes.socketRoute);
  router.openapi(routes.socketTicketRoute, handlers.issueSocketTicket);
  router.openapi(routes.listNotificationsRoute, handlers.listNotifications);
  router.openapi(routes.markAllReadRoute, handlers.markAllRead);
  router.openapi(routes.markReadRoute, handlers.markRead);
  return router;
}

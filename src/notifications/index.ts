import { createRouter } from "../lib/openapi";

/** Routes of the notifications domain (mounted at / by app.ts). */
export function notificationsRouter() {
  const router = createRouter();
  return router;
}

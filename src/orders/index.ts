import { createRouter } from "../lib/openapi";

/** Routes of the orders domain (mounted at / by app.ts). */
export function ordersRouter() {
  const router = createRouter();
  return router;
}

import { createRouter } from "../lib/openapi";

/** Routes of the catalog domain (mounted at / by app.ts). */
export function catalogRouter() {
  const router = createRouter();
  return router;
}

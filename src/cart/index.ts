import { createRouter } from "../lib/openapi";

/** Routes of the cart domain (mounted at / by app.ts). */
export function cartRouter() {
  const router = createRouter();
  return router;
}

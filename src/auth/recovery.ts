import { createRouter } from "../lib/openapi";
import * as handlers from "./recovery.handlers";
import * as routes from "./recovery.routes";

/** Password reset and email verification: the routes that work through mailed links. */
export function recoveryRouter() {
  const router = createRouter();
  router.openapi(routes.passwordResetRoute, handlers.requestPasswordReset);
  router.openapi(routes.passwordResetConfirmRoute, handlers.confirmPasswordReset);
  router.openapi(routes.verifyEmailRoute, handlers.requestVerification);
  router.openapi(routes.verifyEmailConfirmRoute, handlers.confirmVerification);
  return router;
}

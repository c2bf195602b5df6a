import { createRouter } from "../lib/openapi";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export function authRouter() {
  const router = createRouter();
  router.openapi(routes.registerRoute, handlers.register);
  router.openapi(routes.loginRoute, handlers.login);
  router.openapi(routes.refreshRoute, handlers.refresh);
  router.openapi(routes.logoutRoute, handlers.logout);
  router.openapi(routes.getMeRoute, handlers.getMe);
  router.openapi(routes.updateMeRoute, handlers.updateMe);
  return router;
}

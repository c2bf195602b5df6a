import { createRouter } from "../lib/openapi";
import * as handlers from "./email.handlers";
import * as routes from "./email.routes";

export { deliverOutbox, sweepOutbox } from "./outbox";

export function emailRouter() {
  const router = createRouter();
  router.openapi(routes.adminListEmailsRoute, handlers.adminListEmails);
  return router;
}

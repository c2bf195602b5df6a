import { useDb } from "../db/use";
import { deliverOutbox } from "../email";
import { readConfig } from "../env";
import { afterResponse } from "../lib/background";
import type { AppRouteHandler } from "../lib/openapi";
import { endUserSockets } from "../notifications/push";
import { currentUser } from "./guards";
import { hashPassword } from "./password";
import type { passwordResetConfirmRoute, passwordResetRoute, verifyEmailConfirmRoute, verifyEmailRoute } from "./recovery.routes";
import * as recovery from "./recovery.service";
import { clientAddress, countMailRequest, throttleRedisFor } from "./throttle";

const RESET_ACCEPTED = {
  status: "accepted",
  message: "If an account uses this email, a link to reset its password is on its way. It works once, for 30 minutes.",
} as const;

/** One Redis round trip (the throttle), one Postgres round trip; the mail goes after the response. */
export const requestPasswordReset: AppRouteHandler<typeof passwordResetRoute> = async (c) => {
  const { email } = c.req.valid("json");
  const config = readConfig(c.env);
  await countMailRequest(throttleRedisFor(config), config, "password-reset", email, clientAddress(c.req.header("cf-connecting-ip")));
  const db = useDb(c);
  const outboxId = await recovery.requestPasswordReset(db, email);
  afterResponse(c, () => deliverOutbox(config, db, { ids: outboxId === null ? [] : [outboxId] }));
  return c.json(RESET_ACCEPTED, 202);
};

export const confirmPasswordReset: AppRouteHandler<typeof passwordResetConfirmRoute> = async (c) => {
  const { token, password } = c.req.valid("json");
  const userId = await recovery.confirmPasswordReset(useDb(c), token, await hashPassword(password, undefined, readConfig(c.env).PASSWORD_PEPPER));
  if (userId === null) throw recovery.invalidToken();
  afterResponse(c, () => endUserSockets(c.env, userId));
  return c.body(null, 204);
};

export const requestVerification: AppRouteHandler<typeof verifyEmailRoute> = async (c) => {
  const user = currentUser(c);
  const config = readConfig(c.env);
  await countMailRequest(throttleRedisFor(config), config, "verification", `user:${user.id}`, clientAddress(c.req.header("cf-connecting-ip")));
  const db = useDb(c);
  const outboxId = await recovery.requestVerification(db, user.id);
  afterResponse(c, () => deliverOutbox(config, db, { ids: [outboxId] }));
  return c.json({ status: "accepted", message: "A new verification link is on its way. It works for 24 hours." } as const, 202);
};

export const confirmVerification: AppRouteHandler<typeof verifyEmailConfirmRoute> = async (c) => {
  const confirmed = await recovery.confirmVerification(useDb(c), c.req.valid("json").token);
  if (!confirmed) throw recovery.invalidToken();
  return c.body(null, 204);
};

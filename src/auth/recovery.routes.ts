import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { NoQuery } from "../lib/pagination";
import { requireUser } from "./guards";
import { AcceptedSchema, PasswordResetConfirmSchema, PasswordResetRequestSchema, VerifyEmailConfirmSchema } from "./recovery.schemas";

export const passwordResetRoute = createRoute({
  operationId: "passwordReset",
  method: "post",
  path: "/api/auth/password-reset",
  tags: ["Auth"],
  summary: "Mail a password reset link",
  description:
    "Always 202 with the same body, and the same work, whether or not an account uses the email, so the answer tells nothing about who has an account. When one does, it gets a link (`<shop>/#/reset-password?token=…`) with a single-use token that works for 30 minutes. Requests are limited per email (5 an hour) and per client address (30 an hour, shared with verification mails): 429 with `Retry-After` beyond. When the limits cannot be counted (cache outage) the request is refused with 503 and `Retry-After` rather than sent unthrottled.",
  security: [],
  request: { query: NoQuery, body: jsonBody(PasswordResetRequestSchema) },
  responses: { 202: jsonContent(AcceptedSchema, "Accepted (a mail is sent if the account exists)"), ...problemResponses(400, 429, 503) },
});

export const passwordResetConfirmRoute = createRoute({
  operationId: "passwordResetConfirm",
  method: "post",
  path: "/api/auth/password-reset/confirm",
  tags: ["Auth"],
  summary: "Set a new password with the token from a reset link",
  description:
    "Sets the password and ends every session of the user: all refresh tokens stop working and open notification sockets close with 4001 (access tokens already issued run out within their 15 minutes). The token works once; the user's other reset links stop working too. A used, expired or unknown token is 400 and changes nothing; a password outside 8–128 characters is 400 and the token stays usable.",
  security: [],
  request: { query: NoQuery, body: jsonBody(PasswordResetConfirmSchema) },
  responses: { 204: { description: "Password changed; every session ended" }, ...problemResponses(400) },
});

export const verifyEmailRoute = createRoute({
  operationId: "verifyEmail",
  method: "post",
  path: "/api/auth/verify-email",
  tags: ["Auth"],
  summary: "Mail a new email verification link",
  description:
    "Registration mails a link already; this sends a fresh one (`<shop>/#/verify-email?token=…`, valid 24 hours; earlier links keep working until they expire). Limited to 5 an hour per user and 30 an hour per client address (429 with `Retry-After`; 503 when the limits cannot be counted). 409 `email-already-verified` when the email is verified already (nothing is sent).",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 202: jsonContent(AcceptedSchema, "A new link is on its way"), ...problemResponses(400, 401, 409, 429, 503) },
});

export const verifyEmailConfirmRoute = createRoute({
  operationId: "verifyEmailConfirm",
  method: "post",
  path: "/api/auth/verify-email/confirm",
  tags: ["Auth"],
  summary: "Confirm an email address with the token from a verification link",
  description:
    "Sets the user's `email_verified_at` and, in the same transaction, moves every guest order placed with that email into the account. No login is needed (the link may be opened on another device). A used, expired or unknown token is 400 and changes nothing.",
  security: [],
  request: { query: NoQuery, body: jsonBody(VerifyEmailConfirmSchema) },
  responses: { 204: { description: "Verified" }, ...problemResponses(400) },
});

import { createRoute } from "@hono/zod-openapi";
import { requireUser } from "./guards";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { NoQuery } from "../lib/pagination";
import { LoginSchema, RefreshRetryHeader, RefreshSchema, RefreshTransportHeader, RegisterSchema, TokenPairSchema, UpdateProfileSchema, UserSchema } from "./auth.schemas";

export const registerRoute = createRoute({
  operationId: "register",
  method: "post",
  path: "/api/auth/register",
  tags: ["Auth"],
  summary: "Create an account",
  description:
    "Emails are trimmed, lower-cased and unique regardless of case (409 when taken). Each registration costs a deliberately slow password hash, so one client address gets a bounded number per hour (429 with `Retry-After` beyond it).",
  security: [],
  request: { query: NoQuery, body: jsonBody(RegisterSchema) },
  responses: { 201: jsonContent(UserSchema, "The new user"), ...problemResponses(400, 409, 413, 429) },
});

export const loginRoute = createRoute({
  operationId: "login",
  method: "post",
  path: "/api/auth/login",
  tags: ["Auth"],
  summary: "Log in for an access and a refresh token",
  description:
    "Attempts are counted before the password is checked, so the limits hold for simultaneous attempts too: 10 per (email, client address), 100 per client address and 100 per email from all addresses, in a 15-minute window (IPv6 clients count per /64, and each /48 has 1,000). Every attempt, successful or not, also counts in looser limits: 1,000 per client address and 300 per email. At a limit every attempt, even with the right password, answers 429 with `Retry-After`. A successful login does not count as a failure. The limits hold while the rate-limit store is down too (attempts are then counted in the database). The access token names its session (the refresh-token family).",
  security: [],
  request: { query: NoQuery, headers: RefreshTransportHeader, body: jsonBody(LoginSchema) },
  responses: { 200: jsonContent(TokenPairSchema, "Tokens"), ...problemResponses(400, 401, 429) },
});

export const refreshRoute = createRoute({
  operationId: "refresh",
  method: "post",
  path: "/api/auth/refresh",
  tags: ["Auth"],
  summary: "Rotate a refresh token",
  description:
    "The presented refresh token stops working. Presenting one that was already rotated revokes its whole family (reuse detection), closes that session's notification sockets (4001) and answers 401. Except a retry: a refresh sent with an `Idempotency-Key` may be sent again with the same token and key for 30 seconds, while the refresh token it issued is unused, and answers with that same refresh token (and a fresh access token). A session lives at most 30 days from its login, however often it is rotated.",
  security: [],
  request: { query: NoQuery, headers: RefreshRetryHeader.extend(RefreshTransportHeader.shape), body: jsonBody(RefreshSchema) },
  responses: { 200: jsonContent(TokenPairSchema, "New tokens"), ...problemResponses(400, 401) },
});

export const logoutRoute = createRoute({
  operationId: "logout",
  method: "post",
  path: "/api/auth/logout",
  tags: ["Auth"],
  summary: "End a session: revoke its refresh-token family and close its notification sockets (4001)",
  description: "The refresh token comes in the body, or as the refresh cookie with `Refresh-Token-Transport: cookie` (the cookie is then cleared).",
  security: [],
  request: { query: NoQuery, headers: RefreshTransportHeader, body: jsonBody(RefreshSchema) },
  responses: { 204: { description: "Revoked" }, ...problemResponses(400, 401) },
});

export const getMeRoute = createRoute({
  operationId: "getMe",
  method: "get",
  path: "/api/me",
  tags: ["Auth"],
  summary: "The current user",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 200: jsonContent(UserSchema, "The user"), ...problemResponses(400, 401) },
});

export const updateMeRoute = createRoute({
  operationId: "updateMe",
  method: "patch",
  path: "/api/me",
  tags: ["Auth"],
  summary: "Update name, phone or address",
  description: "Only `name`, `phone` and `address` are accepted; any other field (`email`, `is_admin`, `id`, …) is a 400 and nothing is applied.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery, body: jsonBody(UpdateProfileSchema) },
  responses: { 200: jsonContent(UserSchema, "The updated user"), ...problemResponses(400, 401) },
});

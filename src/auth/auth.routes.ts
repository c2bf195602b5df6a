import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { LoginSchema, RefreshSchema, RegisterSchema, TokenPairSchema, UpdateProfileSchema, UserSchema } from "./auth.schemas";

export const registerRoute = createRoute({
  method: "post",
  path: "/api/auth/register",
  tags: ["Auth"],
  summary: "Create an account",
  description: "Emails are trimmed, lower-cased and unique regardless of case (409 when taken).",
  request: { body: jsonBody(RegisterSchema) },
  responses: { 201: jsonContent(UserSchema, "The new user"), ...problemResponses(400, 409, 413) },
});

export const loginRoute = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Auth"],
  summary: "Log in for an access and a refresh token",
  description: "Repeated failures for one email or one client address answer 429 with `Retry-After`.",
  request: { body: jsonBody(LoginSchema) },
  responses: { 200: jsonContent(TokenPairSchema, "Tokens"), ...problemResponses(400, 401, 429) },
});

export const refreshRoute = createRoute({
  method: "post",
  path: "/api/auth/refresh",
  tags: ["Auth"],
  summary: "Rotate a refresh token",
  description: "The presented refresh token stops working. Presenting one that was already rotated revokes its whole family (reuse detection) and answers 401.",
  request: { body: jsonBody(RefreshSchema) },
  responses: { 200: jsonContent(TokenPairSchema, "New tokens"), ...problemResponses(400, 401) },
});

export const logoutRoute = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["Auth"],
  summary: "Revoke a refresh token family",
  request: { body: jsonBody(RefreshSchema) },
  responses: { 204: { description: "Revoked" }, ...problemResponses(400, 401) },
});

export const getMeRoute = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["Auth"],
  summary: "The current user",
  security: bearerSecurity,
  responses: { 200: jsonContent(UserSchema, "The user"), ...problemResponses(401) },
});

export const updateMeRoute = createRoute({
  method: "patch",
  path: "/api/me",
  tags: ["Auth"],
  summary: "Update name, phone or address",
  description: "Only `name`, `phone` and `address` are accepted; any other field (`email`, `is_admin`, `id`, …) is a 400 and nothing is applied.",
  security: bearerSecurity,
  request: { body: jsonBody(UpdateProfileSchema) },
  responses: { 200: jsonContent(UserSchema, "The updated user"), ...problemResponses(400, 401) },
});

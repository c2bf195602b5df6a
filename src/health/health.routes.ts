import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent, problemResponses } from "../lib/openapi";
import { NoQuery } from "../lib/pagination";

export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    db: z.literal("ok"),
    cache: z.literal("ok"),
  })
  .openapi("Health");

export const healthRoute = createRoute({
  operationId: "health",
  method: "get",
  path: "/health",
  tags: ["Health"],
  summary: "Liveness of the Worker and its backing services",
  description:
    "Checks Postgres (`select 1`) and Redis (`PING`). 503 problem+json names each failing part in `db` / `cache` (`ok` or `down`).",
  security: [],
  request: { query: NoQuery },
  responses: {
    200: jsonContent(HealthSchema, "Every part answers"),
    ...problemResponses(503),
  },
});

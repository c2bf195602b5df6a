import { bodyLimit } from "hono/body-limit";
import { addressesRouter } from "./addresses";
import { authRouter } from "./auth";
import { recoveryRouter } from "./auth/recovery";
import { emailRouter } from "./email";
import { cartRouter } from "./cart";
import { catalogRouter } from "./catalog";
import { discountsRouter } from "./discounts";
import { imagesRouter, isImageUpload } from "./images";
import { notificationsRouter } from "./notifications";
import { ordersRouter } from "./orders";
import { shippingRouter } from "./shipping";
import { paymentsRouter } from "./payments";
import type { AppEnv } from "./context";
import { health } from "./health/health.handlers";
import { healthRoute } from "./health/health.routes";
import { describeError, toProblem } from "./lib/errors";
import { edgeHeaders, edgeResponse } from "./lib/edge-headers";
import { createRouter } from "./lib/openapi";
import { noRouteResponse, Problem } from "./lib/problem";
import { countingRoundTrips } from "./lib/round-trips";

export const MAX_BODY_BYTES = 64 * 1024;

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Edge Shop API",
    version: "0.1.0",
    description:
      "An e-commerce API on Cloudflare Workers. Errors are RFC 9457 `application/problem+json`; money is a decimal string with two places; lists are paginated with `page`/`page_size` or keyset `cursor`.",
  },
};

export function createApp() {
  const app = createRouter();

  app.use("*", edgeHeaders);
  // Tests and benchmarks count each request's round trips to Postgres and Redis (critical path only).
  app.use("*", async (c, next) => {
    if (c.env?.EXPOSE_QUERY_COUNT !== "true") return next();
    const trips = await countingRoundTrips(next);
    const counts: [string, string][] = [
      ["X-Db-Round-Trips", String(trips.db)],
      ["X-Cache-Round-Trips", String(trips.cache)],
      ["X-Db-Statements", String(trips.statements)],
    ];
    if (c.res.status === 101) {
      // A WebSocket upgrade's headers cannot be changed: the counts go on a new 101 for the same socket.
      const webSocket = c.res.webSocket;
      c.res = undefined;
      c.res = new Response(null, { status: 101, webSocket, headers: counts });
      return;
    }
    for (const [name, value] of counts) c.res.headers.set(name, value);
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new Problem(413, "body-too-large", "The request body is larger than 64 KiB.");
    },
  });
  // Only requests that can carry a body pay for the limit. An image upload limits its own body (5 MiB, src/images/upload.ts).
  app.use("*", (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" || isImageUpload(c.req.method, c.req.path) ? next() : limitBody(c, next)));

  app.openapi(healthRoute, health);
  app.route("/", authRouter());
  app.route("/", catalogRouter());
  app.route("/", cartRouter());
  app.route("/", ordersRouter());
  app.route("/", notificationsRouter());
  app.route("/", addressesRouter());
  app.route("/", shippingRouter());
  app.route("/", discountsRouter());
  app.route("/", imagesRouter());
  app.route("/", recoveryRouter());
  app.route("/", emailRouter());
  app.route("/", paymentsRouter());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Access token from `POST /api/auth/login`.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "guestOrderToken", {
    type: "http",
    scheme: "bearer",
    description: "A guest order's `access_token`, from `POST /api/guest/orders`.",
  });
  // The reference page at /docs is a static asset (web/docs.html, Scalar) that reads this document.
  app.doc31("/api/openapi.json", openApiInfo);

  // Answered directly, not thrown: a 404 is the commonest junk request and should cost little.
  app.notFound((c) => noRouteResponse(c, c.req.raw));

  app.onError((err, c) => {
    const { problem, unexpected } = toProblem(err);
    if (unexpected || problem.status >= 500) {
      const error = describeError(err);
      console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), path: c.req.path, status: problem.status, error }));
    }
    return edgeResponse(c, JSON.stringify(problem.toJSON()), problem.status, [["content-type", "application/problem+json"], ...Object.entries(problem.headers)]);
  });

  return app;
}


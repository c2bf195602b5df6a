// The typed client: openapi-fetch over the types generated from the Worker's OpenAPI document
// (schema.d.ts, `npm run api:types`). Every request the storefront makes goes through it, so it
// can only send documented paths, parameters and bodies.
import createClient from "openapi-fetch";
import type { Shortage } from "../../../src/shared/contract";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type User = Schemas["User"];
export type Product = Schemas["Product"];
export type Category = Schemas["Category"];
export type Cart = Schemas["Cart"];
export type Order = Schemas["Order"];
export type AdminOrder = Schemas["AdminOrder"];
export type { OrderStatus, Shortage } from "../../../src/shared/contract";
export type Notification = Schemas["Notification"];
export type Address = Schemas["Address"];
export type AddressInput = Schemas["AddressInput"];
export type ShippingMethod = Schemas["ShippingMethod"];
export type Quote = Schemas["Quote"];
export type QuoteRequest = Schemas["QuoteRequest"];
export type TokenPair = Schemas["TokenPair"];

/** An RFC 9457 problem as the API sends it, with the extension members the storefront reads. */
export type Problem = Schemas["Problem"] & { products?: Shortage[]; variants?: VariantShortage[] };

/** The variant a 409 insufficient-stock problem is about (its `variants`, beside `products`). */
export interface VariantShortage {
  variant_id: number;
  product_id: number;
  requested: number;
  available: number;
}

let accessToken: () => string | null = () => null;

/** Where the client takes the bearer token from (the session, see session.ts). */
export function setAccessTokenSource(source: () => string | null): void {
  accessToken = source;
}

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const token = accessToken();
    // Auth endpoints take tokens in their bodies (or the refresh cookie); an expired bearer there
    // would only confuse. Asking for a new verification mail is the one that needs the user's. A
    // call that brings its own (a guest order's access token) keeps it.
    const path = new URL(request.url).pathname;
    if (token && !request.headers.has("Authorization") && (!path.startsWith("/api/auth/") || path === "/api/auth/verify-email")) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && typeof (body as { title?: unknown }).title === "string";
}

/** The problem in a failed response; a body that is not problem+json still reads as one. */
export function problemOf(response: Response, body: unknown): Problem {
  if (isProblem(body)) return body;
  return {
    type: "about:blank",
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
    detail: typeof body === "string" && body.length < 300 ? body : "",
  };
}

export const NETWORK_PROBLEM: Problem = {
  type: "about:blank",
  title: "The shop cannot be reached",
  status: 0,
  detail: "Check your connection and try again.",
};

/** What every openapi-fetch call resolves to. */
export interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of `POST /api/orders`. The route validates it in its handler, after the idempotency check
 * (src/orders/orders.routes.ts), so the document lists it as the `PlaceOrderRequest` component rather
 * than as the operation's request body, and the generated types allow no body there. Checked here
 * against that component, then handed over as the operation's (absent) body type.
 */
export function placeOrderBody(body: Schemas["PlaceOrderRequest"]): never {
  return body as never;
}

/** How the document types an id in a path (a string today). */
type PathId = paths["/api/products/{id}"]["get"]["parameters"]["path"]["id"];

/**
 * An id for a `{id}` path segment. The URL is the same text whether the document types path ids
 * as strings or as integers, so this is the one place that follows such a change.
 */
export function pathId(id: number): PathId {
  return String(id) as unknown as PathId;
}

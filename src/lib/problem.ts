import { HTTPException } from "hono/http-exception";
import { edgeResponse } from "./edge-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Shortage } from "../shared/contract";

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  426: "Upgrade Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * The one error type of the API. `slug` becomes the problem `type`
 * (`urn:problem:<slug>`), stable for clients to switch on.
 */
export class Problem extends HTTPException {
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    slug: string,
    detail: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string>; title?: string } = {},
  ) {
    super(status, { message: detail });
    this.slug = slug;
    this.title = options.title ?? titles[status] ?? "Error";
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toJSON(): ProblemBody {
    const body: ProblemBody = { type: `urn:problem:${this.slug}`, title: this.title, status: this.status, detail: this.detail };
    if (this.errors) body.errors = this.errors;
    return { ...this.extra, ...body };
  }

  override getResponse(): Response {
    return new Response(JSON.stringify(this.toJSON()), {
      status: this.status,
      headers: { "content-type": "application/problem+json", ...this.headers },
    });
  }
}

export const validationProblem = (errors: FieldError[], detail = "The request is not valid.") =>
  new Problem(400, "validation", detail, { errors });

export const notFound = (what: string) => new Problem(404, "not-found", `${what} was not found.`);

export const unauthorized = (detail = "Authentication is required.") =>
  new Problem(401, "unauthorized", detail, { headers: { "www-authenticate": 'Bearer realm="api"' } });

export const forbidden = (detail = "You are not allowed to do this.") => new Problem(403, "forbidden", detail);

/** The one 403 of admin routes, whether the token (requireAdmin) or the database (adminCheck) refused. */
export const notAnAdmin = () => forbidden("This needs an admin account.");

export const conflict = (slug: string, detail: string, extra?: Record<string, unknown>) =>
  new Problem(409, slug, detail, { extra });

/** A product a request wanted more of than there is (shared with the storefront). */
export type { Shortage };

/** The one shape of "not enough stock" (cart, checkout, stock changes): 409 naming each short product. */
export const insufficientStock = (products: Shortage[], detail?: string) =>
  new Problem(409, "insufficient-stock", detail ?? `Not enough stock for: ${products.map((s) => `${s.name} (available ${s.available}, requested ${s.requested})`).join("; ")}.`, {
    extra: { products },
  });

/** A request means one thing: parameters the endpoint does not know are refused, by name. */
export const unknownQueryParameters = (names: string[]) =>
  validationProblem(
    names.map((name) => ({ path: name, message: "Unknown query parameter." })),
    `Unknown query parameter${names.length > 1 ? "s" : ""}: ${names.join(", ")}.`,
  );

/** A problem answered directly, without building an Error (no stack to capture): for the commonest junk requests. */
export function problemResponse(c: { get(key: "requestId"): string }, status: number, slug: string, detail: string): Response {
  const body = JSON.stringify({ type: `urn:problem:${slug}`, title: titles[status] ?? "Error", status, detail });
  return edgeResponse(c, body, status, [["content-type", "application/problem+json"]]);
}

/** The 404 of a path nothing serves (the router's fallback, and the front door's for non-API paths). */
export function noRouteResponse(c: { get(key: "requestId"): string }, request: Request): Response {
  return problemResponse(c, 404, "not-found", `No route for ${request.method} ${new URL(request.url).pathname}.`);
}

import { OpenAPIHono, z, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import type { AppEnv } from "../context";
import { INT32 } from "./openapi-bounds";
import { unknownQueryParameters, validationProblem, type FieldError } from "./problem";

// Bounded schemas for responses live apart (openapi-bounds.ts imports nothing of the app), so
// schemas the Durable Object's contract uses can have them without an import circle.
export { IdOutput, INT32, INT64, textOutput, TimestampOutput, UrlOutput } from "./openapi-bounds";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ maxLength: 200, example: "urn:problem:validation" }),
    title: z.string().openapi({ maxLength: 200, example: "Bad Request" }),
    status: z.number().int().openapi({ ...INT32, minimum: 400, maximum: 599, example: 400 }),
    detail: z.string().openapi({ maxLength: 65_536, example: "The request is not valid." }),
    errors: z
      .array(z.object({ path: z.string().openapi({ maxLength: 1024 }), message: z.string().openapi({ maxLength: 1024 }) }))
      .optional()
      // At most one per field of a body of at most 64 KiB (or of a query string).
      .openapi({ description: "Field problems, for 400.", maxItems: 65_536 }),
  })
  .openapi("Problem");

const problemDescriptions: Record<number, string> = {
  400: "Malformed body or query (problem+json with `errors`)",
  401: "Missing, invalid or expired access token",
  403: "Authenticated but not allowed",
  404: "Unknown id",
  409: "Conflict",
  413: "Body larger than 64 KiB",
  426: "Not a WebSocket upgrade",
  429: "Too many attempts; see Retry-After",
  500: "An unexpected error (quote the request id if you report it)",
  503: "A backing service is down",
};

/**
 * Headers of a 429: when to try again. Where a response lists headers, OWASP's rules want CORS there
 * too; every answer carries it (src/lib/edge-headers.ts).
 */
const retryAfterHeaders = {
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    schema: { type: "integer" as const, format: "int32", minimum: 1, maximum: 2_147_483_647 },
  },
  "Access-Control-Allow-Origin": {
    description: "Every origin may read the API's answers.",
    schema: { type: "string" as const, const: "*" },
  },
};

type ProblemResponse = {
  description: string;
  headers?: typeof retryAfterHeaders;
  content: { "application/problem+json": { schema: typeof ProblemSchema } };
};

/**
 * OpenAPI entries for the problem+json errors a route can answer. Every route can answer 500 (an
 * unexpected error) so it is always listed; a 429 carries its Retry-After header.
 */
export function problemResponses(...statuses: number[]) {
  const out: Record<string, ProblemResponse> = {};
  for (const status of [...new Set([...statuses, 500])]) {
    out[String(status)] = {
      description: problemDescriptions[status] ?? "Error",
      ...(status === 429 ? { headers: retryAfterHeaders } : {}),
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return out;
}

export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } };
}

export function issuesToErrors(issues: readonly { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) errors.push({ path: path ? `${path}.${key}` : key, message: "Unknown field." });
    } else {
      errors.push({ path, message: issue.message });
    }
  }
  return errors;
}

/** Every domain router: zod failures become one 400 problem with `errors[]`. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = (result as { target?: string }).target;
        if (target === "query") {
          const unknown = result.error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
          if (unknown.length > 0) throw unknownQueryParameters(unknown);
        }
        const detail = target === "query" ? "The query string is not valid." : "The request is not valid.";
        throw validationProblem(issuesToErrors(result.error.issues), detail);
      }
    },
  });
}

/** For routes that need an access token (`Authorization: Bearer …`); public routes say `security: []`. */
export const bearerSecurity = [{ bearerAuth: [] }];

/** A handler typed by its route: request validation and response bodies are checked against the schemas. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

import { OpenAPIHono, z, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import type { AppEnv } from "../context";
import { unknownQueryParameters, validationProblem, type FieldError } from "./problem";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:problem:validation" }),
    title: z.string().openapi({ example: "Bad Request" }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: "The request is not valid." }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "Field problems, for 400." }),
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
  503: "A backing service is down",
};

/** OpenAPI entries for the problem+json errors a route can answer. */
export function problemResponses(...statuses: number[]) {
  const out: Record<string, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> = {};
  for (const status of statuses) {
    out[String(status)] = {
      description: problemDescriptions[status] ?? "Error",
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

export const bearerSecurity = [{ bearerAuth: [] }];

/** A handler typed by its route: request validation and response bodies are checked against the schemas. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

// Bounded schemas for responses. The OWASP rules `npm run lint:api` runs want a bound on every
// string, array and integer of the document, responses included (docs/design/openapi-lint.md);
// these say the real limits once. No imports from the app: any schema may use them.
import { z } from "@hono/zod-openapi";
import { MAX_ID } from "./ids";

/** OpenAPI format of an integer that fits Postgres int4 (ids, quantities, stock). */
export const INT32 = { format: "int32" } as const;
/** OpenAPI format of an integer that may pass int4 (row counts). */
export const INT64 = { format: "int64" } as const;

/** A row id in a response: a Postgres int4 identity. */
export const IdOutput = z.number().int().openapi({ ...INT32, minimum: 1, maximum: MAX_ID });
/** A timestamp as the API writes it: JavaScript's toISOString, 24 characters. */
export const TimestampOutput = z.string().openapi({ format: "date-time", maxLength: 24, example: "2026-01-02T03:04:05.678Z" });
/** Text in a response, no longer than the request that stored it could make it. */
export const textOutput = (maxLength: number) => z.string().openapi({ maxLength });
/** A URL the API builds (pagination links): the request's own URL plus a cursor. */
export const UrlOutput = z.string().openapi({ format: "uri", maxLength: 8192 });


import { z } from "@hono/zod-openapi";
import { INT32, IdOutput, TimestampOutput } from "../lib/openapi-bounds";
import { PageQuery, pageListSchema } from "../lib/pagination";
import { EMAIL_STATUSES, MAX_EMAIL_ATTEMPTS } from "./outbox";
import { EMAIL_TEMPLATES } from "./templates";

export const EmailListQuery = PageQuery.extend({
  status: z.enum(EMAIL_STATUSES, { message: `Must be one of ${EMAIL_STATUSES.join(", ")}.` }).optional(),
});

export const EmailSchema = z
  .object({
    id: IdOutput,
    to: z.string().openapi({ maxLength: 254, example: "ada@example.com" }),
    template: z.string().openapi({ maxLength: 64, example: "order_placed", description: `One of ${EMAIL_TEMPLATES.join(", ")}.` }),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_EMAIL_ATTEMPTS, description: "Deliveries tried so far." }),
    last_error: z.string().nullable().openapi({ maxLength: 300, description: "The provider's answer to the last failed attempt." }),
    created_at: TimestampOutput,
    sent_at: TimestampOutput.nullable(),
  })
  .openapi("Email");

export const EmailPageSchema = pageListSchema(EmailSchema, "EmailPage");

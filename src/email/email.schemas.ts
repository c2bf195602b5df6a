import { z } from "@hono/zod-openapi";
import { PageQuery, pageListSchema } from "../lib/pagination";
import { EMAIL_STATUSES } from "./outbox";
import { EMAIL_TEMPLATES } from "./templates";

export const EmailListQuery = PageQuery.extend({
  status: z.enum(EMAIL_STATUSES, { message: `Must be one of ${EMAIL_STATUSES.join(", ")}.` }).optional(),
});

export const EmailSchema = z
  .object({
    id: z.number().int(),
    to: z.string().openapi({ example: "ada@example.com" }),
    template: z.string().openapi({ example: "order_placed", description: `One of ${EMAIL_TEMPLATES.join(", ")}.` }),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int().openapi({ description: "Deliveries tried so far." }),
    last_error: z.string().nullable().openapi({ description: "The provider's answer to the last failed attempt." }),
    created_at: z.string().openapi({ format: "date-time" }),
    sent_at: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Email");

export const EmailPageSchema = pageListSchema(EmailSchema, "EmailPage");

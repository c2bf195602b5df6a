import { z } from "@hono/zod-openapi";
import { INT32 } from "../lib/openapi-bounds";
import { MAX_ID } from "../lib/ids";
import { PageQuery, pageListSchema } from "../lib/pagination";
import { NotificationSchema } from "./notification-message";

export { NotificationSchema, type NotificationMessage } from "./notification-message";

export const NotificationListQuery = PageQuery.extend({
  after: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,9})$/, "Must be a notification id.")
    // Ten digits can exceed int4; past it Postgres would fail the query (a 500), not answer.
    .refine((v) => Number(v) <= MAX_ID, "Must be a notification id.")
    .transform(Number)
    .optional()
    .openapi({ type: "string", pattern: "^(0|[1-9][0-9]{0,9})$", maxLength: 10, description: "Only notifications newer than this id, oldest first (catch-up after a reconnect)." }),
  unread: z.enum(["true", "false"], { message: "Must be true or false." }).optional().openapi({ description: "true: only unread; false: only read." }),
});

export const NotificationPageSchema = pageListSchema(NotificationSchema, "NotificationPage");

export const SocketTicketSchema = z
  .object({
    ticket: z.string().openapi({ maxLength: 43, description: "Opens one socket: `GET /api/notifications/ws?ticket=<ticket>`. Single use." }),
    expires_in: z.number().int().openapi({ ...INT32, minimum: 0, maximum: 30, description: "Seconds until the ticket expires unused (at most 30)." }),
  })
  .openapi("SocketTicket");

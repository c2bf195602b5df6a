import { z } from "@hono/zod-openapi";
import { orderStatus } from "../db/schema";

// Apart from notifications.schemas.ts (which needs the pagination helpers, and through them env.ts)
// so that the Notifier's contract, which env.ts names, can use this type without closing a circle.
export const NotificationSchema = z
  .object({
    id: z.number().int(),
    type: z.literal("order.status_changed"),
    order_id: z.number().int(),
    from_status: z.enum(orderStatus.enumValues),
    to_status: z.enum(orderStatus.enumValues),
    created_at: z.string().openapi({ format: "date-time" }),
    read_at: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Notification");

/** A notification as the REST list returns it and as each WebSocket receives it. */
export type NotificationMessage = z.infer<typeof NotificationSchema>;

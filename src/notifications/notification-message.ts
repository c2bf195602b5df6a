import { z } from "@hono/zod-openapi";
import { IdOutput, TimestampOutput } from "../lib/openapi-bounds";
import { ORDER_STATUSES } from "../shared/contract";

// Apart from notifications.schemas.ts (which needs the pagination helpers, and through them env.ts)
// so that the Notifier's contract, which env.ts names, can use this type without closing a circle.
export const NotificationSchema = z
  .object({
    id: IdOutput,
    type: z.literal("order.status_changed"),
    order_id: IdOutput,
    from_status: z.enum(ORDER_STATUSES),
    to_status: z.enum(ORDER_STATUSES),
    created_at: TimestampOutput,
    read_at: TimestampOutput.nullable(),
  })
  .openapi("Notification");

/** A notification as the REST list returns it and as each WebSocket receives it. */
export type NotificationMessage = z.infer<typeof NotificationSchema>;

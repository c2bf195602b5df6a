import { z } from "@hono/zod-openapi";
import { IdOutput, TimestampOutput, textOutput } from "../lib/openapi-bounds";
import { MoneyInput, MoneyOutput } from "../lib/money";

export const CheckoutSessionSchema = z
  .object({
    checkout_url: z.string().openapi({ format: "uri", maxLength: 8192, description: "Stripe's hosted payment page for this order." }),
    expires_at: z.string().openapi({ format: "date-time", maxLength: 24, description: "When the page stops taking payment (the order's hold lasts at least as long)." }),
  })
  .openapi("CheckoutSession");

export const WebhookReceiptSchema = z
  .object({
    received: z.literal(true),
    outcome: z.string().openapi({ maxLength: 64, description: "What handling the event did (`paid`, `duplicate`, `amount-mismatch`, `unknown-order`, `refund-after-cancel`, `ignored`, …)." }),
  })
  .openapi("StripeWebhookReceipt");

export const REFUND_STATUSES = ["pending", "succeeded", "failed"] as const;

export const RefundSchema = z
  .object({
    id: z.string().openapi({ format: "uuid", maxLength: 36 }),
    order_id: IdOutput,
    amount: MoneyOutput,
    restocked: z.boolean().openapi({ description: "This refund returned the order's items to stock." }),
    reason: textOutput(500),
    status: z.enum(REFUND_STATUSES).openapi({ description: "`pending` until Stripe confirms; `failed` gives the amount back to the order's refundable balance." }),
    created_at: TimestampOutput,
  })
  .openapi("Refund");

export type RefundResponse = z.infer<typeof RefundSchema>;

const positiveMoney = MoneyInput.refine((value) => /[1-9]/.test(value), { message: "Must be more than 0." });

export const CreateRefundSchema = z
  .strictObject({
    amount: positiveMoney.optional().openapi({ type: "string", example: "20.00", description: "Default: everything not yet refunded (`amount_paid - amount_refunded`)." }),
    restock: z.boolean().openapi({ description: "Return the order's items to stock (once per order; a cancelled order's stock has already returned)." }),
    reason: z.string().max(500, "Must be at most 500 characters.").optional(),
  })
  .openapi("CreateRefund");

export type CreateRefundInput = z.infer<typeof CreateRefundSchema>;

export const RefundIdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255, "Must be at most 255 characters.")
    .regex(/^[\x21-\x7e]+$/, "Must be printable ASCII without spaces.")
    .optional()
    .openapi({ param: { name: "idempotency-key", in: "header" }, description: "Per order: the same key and body replay the refund it made (`Idempotent-Replayed: true`); another body → 409." }),
});

export const StripeSignatureHeader = z.object({
  "stripe-signature": z
    .string()
    .max(2048)
    .optional()
    .openapi({ param: { name: "stripe-signature", in: "header" }, description: "`t=<unix time>,v1=<hex HMAC-SHA256 of \"t.body\" with the endpoint's secret>`." }),
});

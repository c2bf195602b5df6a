import { createRoute } from "@hono/zod-openapi";
import { adminOnly, requireUser } from "../auth/guards";
import { IdParam, NoQuery } from "../lib/pagination";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { CheckoutSessionSchema, CreateRefundSchema, RefundIdempotencyHeader, RefundSchema, StripeSignatureHeader, WebhookReceiptSchema } from "./payments.schemas";

export const startCheckoutRoute = createRoute({
  operationId: "startCheckout",
  method: "post",
  path: "/api/orders/{id}/payment",
  tags: ["Payments"],
  summary: "Pay an own pending order with Stripe Checkout",
  description:
    "Answers the URL of a Stripe Checkout Session for exactly the order's total and currency; send the customer there. Stripe returns them to the storefront's order page (`SHOP_URL`, or this request's origin, `/#/orders/{id}`) after paying, and to `/#/orders/{id}?payment=cancelled` when they decline or leave; the order becomes `paid` when Stripe's webhook confirms the payment. Asking again returns the same session while it is open (one session per order at a time; the call to Stripe is idempotent, so a retry never creates a second one). Stripe keeps a session open for at least 30 minutes: the session expires when the order's hold does if that is at least 31 minutes away, otherwise about 31–41 minutes from now, and the order's hold (`expires_at`) is stretched to the session's expiry so the order is not cancelled while its payment page still takes money. 409 `order-not-payable` for an order that is not pending and unpaid, 409 `order-expired` when its hold has run out; another user's order is 404. 503 naming `stripe` when Stripe cannot be reached (nothing changes). Takes no body.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(CheckoutSessionSchema, "The Checkout Session to send the customer to"), ...problemResponses(400, 401, 404, 409, 413, 503) },
});

export const startGuestCheckoutRoute = createRoute({
  operationId: "startGuestCheckout",
  method: "post",
  path: "/api/guest/orders/{id}/payment",
  tags: ["Payments"],
  summary: "Pay a pending guest order with Stripe Checkout",
  description:
    "As `POST /api/orders/{id}/payment`, for a guest order: `Authorization: Bearer <access_token>` of this order (any other token, or an order that is not a guest order, is 404). Stripe returns the customer to `/#/guest/orders/{id}` on the storefront (`?payment=cancelled` when they decline or leave).",
  security: [{ guestOrderToken: [] }],
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(CheckoutSessionSchema, "The Checkout Session to send the customer to"), ...problemResponses(400, 401, 404, 409, 413, 503) },
});

export const stripeWebhookRoute = createRoute({
  operationId: "stripeWebhook",
  method: "post",
  path: "/api/payments/stripe/webhook",
  tags: ["Payments"],
  summary: "Stripe's webhook endpoint",
  description:
    "For Stripe only. The `Stripe-Signature` header must verify over the raw body with the endpoint's signing secret (`STRIPE_WEBHOOK_SECRET`, HMAC-SHA256) and be at most 5 minutes old, else 400 and nothing changes. Each event id is handled once: a replay, or the same event delivered several times at once, answers 200 and changes nothing. `checkout.session.completed` (and `checkout.session.async_payment_succeeded`) with `payment_status: \"paid\"` for exactly the order's total and currency moves a pending order to `paid` (notification, email); a mismatch, an unknown order or an unpaid session is recorded with its outcome and changes nothing. A payment for an order that was cancelled meanwhile is refunded in full automatically (`refund-after-cancel`). `charge.refunded` and `refund.created` / `refund.updated` / `refund.failed` keep the refunds and the order's `amount_refunded` / `payment_status` true (a failed refund gives its amount back; a refund made in Stripe's dashboard is recorded). Other event types are acknowledged and ignored. Body at most 64 KiB (413).",
  security: [],
  request: { query: NoQuery, headers: StripeSignatureHeader },
  responses: { 200: jsonContent(WebhookReceiptSchema, "The event was handled (or had been before)"), ...problemResponses(400, 413, 503) },
});

export const createRefundRoute = createRoute({
  operationId: "createRefund",
  method: "post",
  path: "/api/admin/orders/{id}/refunds",
  tags: ["Admin"],
  summary: "Refund a paid order, in full or in part (admin)",
  description:
    "`amount` defaults to what is left (`amount_paid - amount_refunded`). The refunds of an order never add up to more than was paid, also under simultaneous requests: a refund that would is 409 `refund-exceeds-payment` and changes nothing; an order that was never paid is 409 `order-not-paid`. The amount counts as refunded at once (`amount_refunded`, `payment_status`); the refund is then sent to Stripe after the response (its `id` is Stripe's idempotency key) and its `status` follows Stripe: `pending` → `succeeded`, or `failed`, which gives the amount back. A payment recorded by hand (`payment_method: \"manual\"`) is refunded by hand: the refund is `succeeded` at once. `restock: true` returns the order's items to stock (once per order; a cancelled order's stock has already gone back: then `restocked` is false). The customer gets the refund email. With `Idempotency-Key` (per order), the same key and body answer the refund it made, as it is now, with `Idempotent-Replayed: true`; the same key with another body is 409.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, headers: RefundIdempotencyHeader, body: jsonBody(CreateRefundSchema) },
  responses: { 201: jsonContent(RefundSchema, "The refund"), ...problemResponses(400, 401, 403, 404, 409, 413) },
});

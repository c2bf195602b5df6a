import type { AdminOrder } from "../../api/client";
import { Price } from "../../ui";
import { toCents } from "./money";

const PAYMENT_LABEL: Record<AdminOrder["payment_status"], string> = {
  unpaid: "unpaid",
  paid: "paid",
  partially_refunded: "partially refunded",
  refunded: "refunded",
};

export function PaymentBadge({ order }: { order: AdminOrder }) {
  return (
    <span class={`badge badge-payment-${order.payment_status}`} data-payment-status={order.payment_status}>
      {PAYMENT_LABEL[order.payment_status]}
    </span>
  );
}

/** The order's totals as stored (subtotal − discount + shipping + tax = total) and its money. */
export function OrderBreakdown({ order }: { order: AdminOrder }) {
  const address = order.shipping_address;
  return (
    <div class="order-breakdown">
      <dl class="totals order-totals">
        <dt>Subtotal</dt>
        <dd>
          <Price value={order.subtotal} />
        </dd>
        <dt>Discount{order.discount_code ? ` (${order.discount_code})` : ""}</dt>
        <dd>
          {toCents(order.discount_total) > 0 ? "−" : ""}
          <Price value={order.discount_total} />
        </dd>
        <dt>Shipping{order.shipping_method ? ` (${order.shipping_method.name})` : ""}</dt>
        <dd>
          <Price value={order.shipping_total} />
        </dd>
        <dt>Tax{toCents(order.tax_rate) > 0 ? ` (${order.tax_rate} %)` : ""}</dt>
        <dd>
          <Price value={order.tax_total} />
        </dd>
        <dt>Total</dt>
        <dd>
          <Price value={order.total} /> {order.currency.toUpperCase()}
        </dd>
      </dl>
      <dl class="totals order-money">
        <dt>Payment</dt>
        <dd>
          <PaymentBadge order={order} />
          {order.payment_method && <span class="muted"> {order.payment_method === "manual" ? "offline" : order.payment_method}</span>}
        </dd>
        <dt>Paid</dt>
        <dd>
          <Price value={order.amount_paid} />
        </dd>
        <dt>Refunded</dt>
        <dd>
          <Price value={order.amount_refunded} />
        </dd>
      </dl>
      <p class="muted ship-to">
        {address
          ? `Ships to ${address.name}, ${[address.line1, address.line2, `${address.postal_code} ${address.city}`.trim(), address.region, address.country].filter(Boolean).join(", ")}`
          : "No address: ships nowhere"}
      </p>
    </div>
  );
}

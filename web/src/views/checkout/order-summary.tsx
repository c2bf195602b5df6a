import type { Order } from "../../api/client";
import { formatDate, Price, StatusBadge } from "../../ui";
import { AddressText } from "../account/address-text";
import { LinePicture, OptionValues } from "../catalog/line-parts";
import { Breakdown } from "./breakdown";

const PAYMENT_LABEL: Record<Order["payment_status"], string> = { unpaid: "Not paid yet", paid: "Paid", partially_refunded: "Partly refunded", refunded: "Refunded" };

/** An order as placed: its status (live), lines, breakdown and the copy of the address it ships to. */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <>
      <p class="order-status">
        Status:{" "}
        <span aria-live="polite" aria-atomic="true">
          <StatusBadge status={order.status} />
        </span>{" "}
        <span class="muted" data-testid="payment-status">
          {PAYMENT_LABEL[order.payment_status]}
          {order.payment_status !== "unpaid" && ` (${order.amount_paid} paid${order.amount_refunded !== "0.00" ? `, ${order.amount_refunded} refunded` : ""})`}
        </span>
      </p>
      <p class="muted">
        Placed {formatDate(order.created_at)} · updated {formatDate(order.updated_at)}
      </p>
      <ul class="list" aria-label="Items">
        {order.items.map((item) => (
          <li key={item.variant_id} class="card order-item">
            <LinePicture image={item.image_url ? { url: item.image_url } : null} />
            <span class="grow">
              {item.name}
              <OptionValues options={item.options} sku={item.sku} />
            </span>
            <span>
              {item.quantity} × <Price value={item.unit_price} />
            </span>
            <Price value={item.line_total} />
          </li>
        ))}
      </ul>
      <div class="order-facts">
        <div>
          <h2>Totals</h2>
          <Breakdown totals={order} />
        </div>
        <div>
          <h2>Ships to</h2>
          {order.shipping_address ? <AddressText address={order.shipping_address} /> : <p class="muted">No address: this order ships nowhere.</p>}
        </div>
      </div>
    </>
  );
}

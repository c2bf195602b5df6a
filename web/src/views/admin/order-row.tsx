import { useState } from "preact/hooks";
import { api, pathId, type AdminOrder, type OrderStatus } from "../../api/client";
import { TRANSITIONS } from "../../../../src/shared/contract";
import { call } from "../../session";
import { say } from "../../toast";
import { ActionButton, formatDate, Price, ProblemAlert, StatusBadge } from "../../ui";
import { toCents } from "./money";
import { OrderBreakdown } from "./order-breakdown";
import { RefundForm } from "./refund-form";

/** The button for a move to each status; which moves an order offers is TRANSITIONS (src/shared/contract.ts). */
const STEP_LABEL: Record<OrderStatus, string> = {
  pending: "Mark pending",
  // pending → paid by an admin records a payment made outside Stripe (bank transfer, cash).
  paid: "Record offline payment",
  shipped: "Mark shipped",
  delivered: "Mark delivered",
  cancelled: "Cancel",
};

function stepLabel(from: OrderStatus, to: OrderStatus): string {
  return from === "paid" && to === "cancelled" ? "Cancel and refund" : STEP_LABEL[to];
}

/** The accessible name also says "mark paid", the plain status move the offline payment is. */
function stepName(order: AdminOrder, to: OrderStatus): string {
  const label = stepLabel(order.status, to);
  return `${to === "paid" ? `${label}, mark paid` : label}: order ${order.id}`;
}

function itemText(item: AdminOrder["items"][number]): string {
  const options = Object.entries(item.options).map(([name, value]) => `${name}: ${value}`);
  return `${item.quantity} × ${item.name}${options.length ? ` (${options.join(", ")})` : ""}`;
}

export function AdminOrderRow({ order, onChanged }: { order: AdminOrder; onChanged(next: AdminOrder): void }) {
  const [error, setError] = useState<unknown>(null);
  const [refunding, setRefunding] = useState(false);
  const refundable = toCents(order.amount_paid) > toCents(order.amount_refunded);
  return (
    <li class="card admin-order" data-order-id={order.id}>
      <div class="grow">
        <strong>Order #{order.id}</strong> <StatusBadge status={order.status} />
        <div class="muted">
          {order.user_id === null ? `Guest ${order.email ?? ""}` : `User #${order.user_id}`} · {formatDate(order.created_at)} · <Price value={order.total} />
        </div>
        <div class="muted">{order.items.map(itemText).join(", ")}</div>
        <OrderBreakdown order={order} />
      </div>
      <div class="row order-actions">
        {TRANSITIONS[order.status].map((to) => (
          <ActionButton
            key={to}
            class={to === "cancelled" ? "button button-quiet" : "button"}
            label={stepName(order, to)}
            onAction={async () => {
              try {
                const next = await call(() => api.PATCH("/api/admin/orders/{id}", { params: { path: { id: pathId(order.id) } }, body: { status: to } }));
                onChanged(next);
                setError(null);
                say(`Order #${order.id} is now ${next.status}.`);
              } catch (e) {
                setError(e);
              }
            }}
          >
            {stepLabel(order.status, to)}
          </ActionButton>
        ))}
        {refundable && !refunding && (
          <button type="button" class="button" aria-label={`Refund order ${order.id}…`} onClick={() => setRefunding(true)}>
            Refund…
          </button>
        )}
      </div>
      {refundable && refunding && (
        <div class="refund-panel">
          <RefundForm
            order={order}
            onRefunded={(next) => {
              setRefunding(false);
              onChanged(next);
            }}
            onCancel={() => setRefunding(false)}
          />
        </div>
      )}
      <ProblemAlert error={error} />
    </li>
  );
}

import { useState } from "preact/hooks";
import { api, pathId, type AdminOrder, type OrderStatus } from "../../api/client";
import { TRANSITIONS } from "../../../../src/shared/contract";
import { call } from "../../session";
import { say } from "../../toast";
import { ActionButton, formatDate, Price, ProblemAlert, StatusBadge } from "../../ui";

/** The button for a move to each status; which moves an order offers is TRANSITIONS (src/shared/contract.ts). */
const STEP_LABEL: Record<OrderStatus, string> = {
  pending: "Mark pending",
  paid: "Mark paid",
  shipped: "Mark shipped",
  delivered: "Mark delivered",
  cancelled: "Cancel",
};

export function AdminOrderRow({ order, onChanged }: { order: AdminOrder; onChanged(next: AdminOrder): void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <li class="card admin-order" data-order-id={order.id}>
      <div class="grow">
        <strong>Order #{order.id}</strong> <StatusBadge status={order.status} />
        <div class="muted">
          User #{order.user_id} · {formatDate(order.created_at)} · <Price value={order.total} />
        </div>
        <div class="muted">{order.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}</div>
      </div>
      <div class="row">
        {TRANSITIONS[order.status].map((to) => (
          <ActionButton
            key={to}
            class={to === "cancelled" ? "button button-quiet" : "button"}
            label={`${STEP_LABEL[to]}: order ${order.id}`}
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
            {STEP_LABEL[to]}
          </ActionButton>
        ))}
      </div>
      <ProblemAlert error={error} />
    </li>
  );
}

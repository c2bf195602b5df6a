import { useState } from "preact/hooks";
import { api, pathId, type AdminOrder } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert, useFormAction } from "../../ui";
import { fromCents, MONEY_PATTERN, paymentStatusOf, toCents } from "./money";

/**
 * Refunds part or all of what is left of a paid order. The form keeps one Idempotency-Key for its
 * whole life: a second submit of the same refund (a double click, a retry after a lost answer)
 * replays the first instead of refunding twice. The answer is the refund, so the order's money is
 * brought up to date here, the way the database derives it.
 */
export function RefundForm({ order, onRefunded, onCancel }: { order: AdminOrder; onRefunded(next: AdminOrder): void; onCancel(): void }) {
  const [key] = useState(() => crypto.randomUUID());
  const left = toCents(order.amount_paid) - toCents(order.amount_refunded);
  const id = `refund-${order.id}`;
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const amount = String(data.get("amount") ?? "").trim();
    const reason = String(data.get("reason") ?? "").trim();
    const refund = await call(() =>
      api.POST("/api/admin/orders/{id}/refunds", {
        params: { path: { id: pathId(order.id) }, header: { "idempotency-key": key } },
        body: { amount: amount || undefined, restock: data.get("restock") !== null, ...(reason ? { reason } : {}) },
      }),
    );
    const paid = toCents(order.amount_paid);
    const refunded = toCents(order.amount_refunded) + toCents(refund.amount);
    say(`Refunded ${refund.amount} of order #${order.id}${refund.restocked ? "; its items are back in stock" : ""}.`);
    onRefunded({ ...order, amount_refunded: fromCents(refunded), payment_status: paymentStatusOf(paid, refunded) });
  });
  return (
    <form class="stack refund-form" aria-label={`Refund order ${order.id}`} onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-amount`}>Amount to refund</label>
        <input
          id={`${id}-amount`}
          name="amount"
          inputMode="decimal"
          required
          pattern={MONEY_PATTERN}
          aria-describedby={`${id}-left`}
          defaultValue={fromCents(left)}
        />
        <span class="hint" id={`${id}-left`}>
          {fromCents(left)} of {order.amount_paid} paid is left to refund.
        </span>
      </div>
      <div class="field field-check">
        <input id={`${id}-restock`} name="restock" type="checkbox" />
        <label for={`${id}-restock`}>Return the items to stock</label>
      </div>
      <div class="field">
        <label for={`${id}-reason`}>Reason</label>
        <input id={`${id}-reason`} name="reason" maxLength={500} />
      </div>
      <ProblemAlert error={error} />
      <div class="row">
        <button class="button button-primary" type="submit" disabled={busy}>
          Refund<span class="visually-hidden"> order {order.id}</span>
        </button>
        <button class="button button-quiet" type="button" onClick={onCancel}>
          Cancel<span class="visually-hidden"> the refund</span>
        </button>
      </div>
    </form>
  );
}

import { useState } from "preact/hooks";
import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { formatDate, Price, ProblemAlert } from "../../ui";
import { DeleteButton } from "./delete-button";
import { DiscountForm, type Discount } from "./discount-form";

function Terms({ discount }: { discount: Discount }) {
  const what = discount.kind === "percent" ? `${discount.value} % off` : discount.kind === "fixed" ? `${discount.value} off` : "Free shipping";
  return (
    <div class="muted">
      {what}
      {discount.min_subtotal !== null && (
        <>
          {" "}
          · from <Price value={discount.min_subtotal} />
        </>
      )}
      {discount.starts_at && ` · from ${formatDate(discount.starts_at)}`}
      {discount.ends_at && ` · until ${formatDate(discount.ends_at)}`}
      {discount.per_customer_limit !== null && ` · ${discount.per_customer_limit} per customer`}
    </div>
  );
}

export function DiscountRow({ discount, onSaved, onDeleted }: { discount: Discount; onSaved(next: Discount): void; onDeleted(id: number): void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (editing) {
    return (
      <li class="card">
        <DiscountForm
          discount={discount}
          onSaved={(next) => {
            setEditing(false);
            onSaved(next);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="card admin-row" data-id={discount.id}>
      <div class="grow">
        <strong class="code">{discount.code}</strong> {!discount.active && <span class="badge">inactive</span>}
        <Terms discount={discount} />
        <div class="times-used">
          Used {discount.times_used}
          {discount.usage_limit === null ? (discount.times_used === 1 ? " time" : " times") : ` of ${discount.usage_limit}`}
        </div>
      </div>
      <div class="row">
        <button type="button" class="button" aria-label={`Edit discount code ${discount.code}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteButton
          what={`discount code ${discount.code}`}
          onDelete={async () => {
            try {
              await call(() => api.DELETE("/api/admin/discounts/{id}", { params: { path: { id: pathId(discount.id) } } }));
              say(`Discount code ${discount.code} deleted.`);
              onDeleted(discount.id);
            } catch (e) {
              setError(e);
            }
          }}
        />
      </div>
      <ProblemAlert error={error} />
    </li>
  );
}

import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { formatDate, Price } from "../../ui";
import { EditableRow } from "./editable-row";
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
  return (
    <EditableRow
      id={discount.id}
      what={`discount code ${discount.code}`}
      editor={(close) => (
        <DiscountForm
          discount={discount}
          onSaved={(next) => {
            close();
            onSaved(next);
          }}
          onCancel={close}
        />
      )}
      remove={() => call(() => api.DELETE("/api/admin/discounts/{id}", { params: { path: { id: pathId(discount.id) } } }))}
      onDeleted={onDeleted}
    >
      <strong class="code">{discount.code}</strong> {!discount.active && <span class="badge">inactive</span>}
      <Terms discount={discount} />
      <div class="times-used">
        Used {discount.times_used}
        {discount.usage_limit === null ? (discount.times_used === 1 ? " time" : " times") : ` of ${discount.usage_limit}`}
      </div>
    </EditableRow>
  );
}

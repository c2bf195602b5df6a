import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { Price } from "../../ui";
import { EditableRow } from "./editable-row";
import { ShippingMethodForm, type ShippingMethod } from "./shipping-method-form";

export function ShippingMethodRow({ method, onSaved, onDeleted }: { method: ShippingMethod; onSaved(next: ShippingMethod): void; onDeleted(id: number): void }) {
  return (
    <EditableRow
      id={method.id}
      what={`shipping method ${method.name}`}
      editor={(close) => (
        <ShippingMethodForm
          method={method}
          onSaved={(next) => {
            close();
            onSaved(next);
          }}
          onCancel={close}
        />
      )}
      remove={() => call(() => api.DELETE("/api/admin/shipping-methods/{id}", { params: { path: { id: pathId(method.id) } } }))}
      onDeleted={onDeleted}
    >
      <strong>{method.name}</strong> {!method.active && <span class="badge">inactive</span>}
      <div class="muted">
        <Price value={method.price} />
        {method.free_over !== null && (
          <>
            {" "}
            · free over <Price value={method.free_over} />
          </>
        )}{" "}
        · ships to {method.countries.join(", ")}
      </div>
    </EditableRow>
  );
}

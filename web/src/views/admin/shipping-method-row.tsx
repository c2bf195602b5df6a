import { useState } from "preact/hooks";
import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { Price, ProblemAlert } from "../../ui";
import { DeleteButton } from "./delete-button";
import { ShippingMethodForm, type ShippingMethod } from "./shipping-method-form";

export function ShippingMethodRow({ method, onSaved, onDeleted }: { method: ShippingMethod; onSaved(next: ShippingMethod): void; onDeleted(id: number): void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (editing) {
    return (
      <li class="card">
        <ShippingMethodForm
          method={method}
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
    <li class="card admin-row" data-id={method.id}>
      <div class="grow">
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
      </div>
      <div class="row">
        <button type="button" class="button" aria-label={`Edit shipping method ${method.name}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteButton
          what={`shipping method ${method.name}`}
          onDelete={async () => {
            try {
              await call(() => api.DELETE("/api/admin/shipping-methods/{id}", { params: { path: { id: pathId(method.id) } } }));
              say(`Shipping method ${method.name} deleted.`);
              onDeleted(method.id);
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

import { api, pathId, type Schemas } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { FormActions, ProblemAlert, useFormAction } from "../../ui";
import { CountrySelect } from "./country-select";
import { MONEY_PATTERN, NO_AMOUNT } from "./money";

export type ShippingMethod = Schemas["AdminShippingMethod"];

/** Create (no `method`) or edit a shipping method; an edit sends every field (PATCH takes them all). */
export function ShippingMethodForm({ method, onSaved, onCancel }: { method?: ShippingMethod; onSaved(saved: ShippingMethod): void; onCancel?(): void }) {
  const id = method ? `sm-${method.id}` : "sm-new";
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const fields = {
      name: text("name"),
      price: text("price"),
      countries: data.getAll("countries").map(String),
      active: data.get("active") !== null,
    };
    const freeOver = text("free_over");
    if (method) {
      const saved = await call(() =>
        api.PATCH("/api/admin/shipping-methods/{id}", { params: { path: { id: pathId(method.id) } }, body: { ...fields, free_over: freeOver || NO_AMOUNT } }),
      );
      say(`Shipping method ${saved.name} saved.`);
      onSaved(saved);
    } else {
      const created = await call(() => api.POST("/api/admin/shipping-methods", { body: { ...fields, ...(freeOver ? { free_over: freeOver } : {}) } }));
      form.reset();
      say(`Shipping method ${created.name} created.`);
      onSaved(created);
    }
  });
  return (
    <form class="stack" aria-label={method ? `Edit shipping method ${method.name}` : "New shipping method"} onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-name`}>Name</label>
        <input id={`${id}-name`} name="name" required maxLength={100} defaultValue={method?.name ?? ""} />
      </div>
      <div class="field">
        <label for={`${id}-price`}>Price</label>
        <input id={`${id}-price`} name="price" inputMode="decimal" required pattern={MONEY_PATTERN} title="An amount such as 4.90" defaultValue={method?.price ?? ""} />
      </div>
      <div class="field">
        <label for={`${id}-free`}>Free over</label>
        <input id={`${id}-free`} name="free_over" inputMode="decimal" pattern={MONEY_PATTERN} aria-describedby={`${id}-free-hint`} defaultValue={method?.free_over ?? ""} />
        <span class="hint" id={`${id}-free-hint`}>
          Shipping is free when the goods (after discount) reach this amount. Empty: never free.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-countries`}>Ships to</label>
        <CountrySelect id={`${id}-countries`} name="countries" multiple required selected={method?.countries ?? []} />
        <span class="hint">Hold Ctrl (⌘ on a Mac) or Shift to choose more than one.</span>
      </div>
      <div class="field field-check">
        <input id={`${id}-active`} name="active" type="checkbox" defaultChecked={method?.active ?? true} />
        <label for={`${id}-active`}>Offered at checkout</label>
      </div>
      <ProblemAlert error={error} />
      <FormActions busy={busy} label={method ? "Save shipping method" : "Create shipping method"} onCancel={onCancel} />
    </form>
  );
}

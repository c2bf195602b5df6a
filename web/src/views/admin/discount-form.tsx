import { useState } from "preact/hooks";
import { api, pathId, type Schemas } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { FormActions, ProblemAlert, useFormAction } from "../../ui";
import { MONEY_PATTERN, NO_AMOUNT } from "./money";

export type Discount = Schemas["Discount"];
type Kind = Discount["kind"];

export const KIND_LABEL: Record<Kind, string> = { percent: "Percent off", fixed: "Fixed amount off", free_shipping: "Free shipping" };

/** An instant as a datetime-local input shows it: the browser's time zone, to the minute. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value (the browser's time zone) as the ISO instant the API takes; empty: none. */
function fromLocalInput(value: string): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** Create (no `discount`) or edit a discount code; an edit sends every field, empty ones as none. */
export function DiscountForm({ discount, onSaved, onCancel }: { discount?: Discount; onSaved(saved: Discount): void; onCancel?(): void }) {
  const id = discount ? `dc-${discount.id}` : "dc-new";
  const [kind, setKind] = useState<Kind>(discount?.kind ?? "percent");
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const count = (key: string) => (text(key) ? Number(text(key)) : null);
    const fields = {
      code: text("code"),
      kind,
      ...(kind === "free_shipping" ? {} : { value: text("value") }),
      starts_at: fromLocalInput(text("starts_at")),
      ends_at: fromLocalInput(text("ends_at")),
      usage_limit: count("usage_limit"),
      per_customer_limit: count("per_customer_limit"),
      active: data.get("active") !== null,
    };
    const minSubtotal = text("min_subtotal");
    if (discount) {
      const saved = await call(() =>
        api.PATCH("/api/admin/discounts/{id}", { params: { path: { id: pathId(discount.id) } }, body: { ...fields, min_subtotal: minSubtotal || NO_AMOUNT } }),
      );
      say(`Discount code ${saved.code} saved.`);
      onSaved(saved);
    } else {
      const created = await call(() => api.POST("/api/admin/discounts", { body: { ...fields, ...(minSubtotal ? { min_subtotal: minSubtotal } : {}) } }));
      form.reset();
      setKind("percent");
      say(`Discount code ${created.code} created.`);
      onSaved(created);
    }
  });
  return (
    <form class="stack" aria-label={discount ? `Edit discount code ${discount.code}` : "New discount code"} onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-code`}>Code</label>
        <input
          id={`${id}-code`}
          name="code"
          required
          maxLength={64}
          pattern="[A-Za-z0-9_\-]+"
          title="Letters, digits, - and _"
          aria-describedby={`${id}-code-hint`}
          defaultValue={discount?.code ?? ""}
        />
        <span class="hint" id={`${id}-code-hint`}>
          Letters, digits, - and _; customers may type it in any case.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
          {(Object.keys(KIND_LABEL) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      {kind !== "free_shipping" && (
        <div class="field">
          <label for={`${id}-value`}>{kind === "percent" ? "Percent off" : "Amount off"}</label>
          <input
            id={`${id}-value`}
            name="value"
            inputMode="decimal"
            required
            pattern={MONEY_PATTERN}
            title={kind === "percent" ? "A percentage from 0.01 to 100" : "An amount such as 5.00"}
            defaultValue={discount && discount.kind === kind ? discount.value : ""}
          />
        </div>
      )}
      <div class="field">
        <label for={`${id}-min`}>Minimum subtotal</label>
        <input id={`${id}-min`} name="min_subtotal" inputMode="decimal" pattern={MONEY_PATTERN} aria-describedby={`${id}-min-hint`} defaultValue={discount?.min_subtotal ?? ""} />
        <span class="hint" id={`${id}-min-hint`}>
          The code applies only when the goods reach this amount. Empty: always.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-starts`}>Starts</label>
        <input id={`${id}-starts`} name="starts_at" type="datetime-local" defaultValue={toLocalInput(discount?.starts_at ?? null)} />
      </div>
      <div class="field">
        <label for={`${id}-ends`}>Ends</label>
        <input id={`${id}-ends`} name="ends_at" type="datetime-local" defaultValue={toLocalInput(discount?.ends_at ?? null)} />
      </div>
      <div class="field">
        <label for={`${id}-limit`}>Usage limit</label>
        <input id={`${id}-limit`} name="usage_limit" type="number" min={1} step={1} aria-describedby={`${id}-limit-hint`} defaultValue={discount?.usage_limit?.toString() ?? ""} />
        <span class="hint" id={`${id}-limit-hint`}>
          Orders that may use the code in all. Empty: unlimited.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-per-customer`}>Uses per customer</label>
        <input id={`${id}-per-customer`} name="per_customer_limit" type="number" min={1} step={1} defaultValue={discount?.per_customer_limit?.toString() ?? ""} />
      </div>
      <div class="field field-check">
        <input id={`${id}-active`} name="active" type="checkbox" defaultChecked={discount?.active ?? true} />
        <label for={`${id}-active`}>Active</label>
      </div>
      <ProblemAlert error={error} />
      <FormActions busy={busy} label={discount ? "Save discount code" : "Create discount code"} onCancel={onCancel} />
    </form>
  );
}

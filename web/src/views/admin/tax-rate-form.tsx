import { api, pathId, type Schemas } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { FormActions, ProblemAlert, useFormAction } from "../../ui";
import { CountrySelect } from "./country-select";

export type TaxRate = Schemas["TaxRate"];

/** "DE", "US / CA": how the screens name a rate. */
export function taxRateName(rate: TaxRate): string {
  return rate.region ? `${rate.country} / ${rate.region}` : rate.country;
}

/** A percentage with up to two decimals, 0–100 (the API says which values it refuses). */
const RATE_PATTERN = "\\d{1,3}(\\.\\d{1,2})?";

/** Create (no `rate`) or edit a tax rate. */
export function TaxRateForm({ rate, onSaved, onCancel }: { rate?: TaxRate; onSaved(saved: TaxRate): void; onCancel?(): void }) {
  const id = rate ? `tr-${rate.id}` : "tr-new";
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    // An empty region is the whole country (the API stores it as none).
    const fields = { country: text("country"), region: text("region") || null, rate: text("rate") };
    if (rate) {
      const saved = await call(() => api.PATCH("/api/admin/tax-rates/{id}", { params: { path: { id: pathId(rate.id) } }, body: fields }));
      say(`Tax rate ${taxRateName(saved)} saved.`);
      onSaved(saved);
    } else {
      const created = await call(() => api.POST("/api/admin/tax-rates", { body: fields }));
      form.reset();
      say(`Tax rate ${taxRateName(created)} created.`);
      onSaved(created);
    }
  });
  return (
    <form class="stack" aria-label={rate ? `Edit tax rate ${taxRateName(rate)}` : "New tax rate"} onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-country`}>Country</label>
        <CountrySelect id={`${id}-country`} name="country" required selected={rate ? [rate.country] : []} />
      </div>
      <div class="field">
        <label for={`${id}-region`}>Region</label>
        <input id={`${id}-region`} name="region" maxLength={100} aria-describedby={`${id}-region-hint`} defaultValue={rate?.region ?? ""} />
        <span class="hint" id={`${id}-region-hint`}>
          State, province or county as addresses name it. Empty: the whole country. A region's rate wins over its country's.
        </span>
      </div>
      <div class="field">
        <label for={`${id}-rate`}>Rate (%)</label>
        <input id={`${id}-rate`} name="rate" inputMode="decimal" required pattern={RATE_PATTERN} title="A percentage such as 20 or 7.25" defaultValue={rate?.rate ?? ""} />
      </div>
      <ProblemAlert error={error} />
      <FormActions busy={busy} label={rate ? "Save tax rate" : "Create tax rate"} onCancel={onCancel} />
    </form>
  );
}

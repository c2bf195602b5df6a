import { useState } from "preact/hooks";
import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert } from "../../ui";
import { countryName } from "./country-select";
import { DeleteButton } from "./delete-button";
import { TaxRateForm, taxRateName, type TaxRate } from "./tax-rate-form";

export function TaxRateRow({ rate, onSaved, onDeleted }: { rate: TaxRate; onSaved(next: TaxRate): void; onDeleted(id: number): void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = taxRateName(rate);
  if (editing) {
    return (
      <li class="card">
        <TaxRateForm
          rate={rate}
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
    <li class="card admin-row" data-id={rate.id}>
      <div class="grow">
        <strong>{rate.rate} %</strong> {countryName(rate.country)} ({rate.country})
        <div class="muted">{rate.region ? `Region: ${rate.region}` : "The whole country"}</div>
      </div>
      <div class="row">
        <button type="button" class="button" aria-label={`Edit tax rate ${name}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteButton
          what={`tax rate ${name}`}
          onDelete={async () => {
            try {
              await call(() => api.DELETE("/api/admin/tax-rates/{id}", { params: { path: { id: pathId(rate.id) } } }));
              say(`Tax rate ${name} deleted.`);
              onDeleted(rate.id);
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

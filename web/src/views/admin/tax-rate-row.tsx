import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { countryName } from "./country-select";
import { EditableRow } from "./editable-row";
import { TaxRateForm, taxRateName, type TaxRate } from "./tax-rate-form";

export function TaxRateRow({ rate, onSaved, onDeleted }: { rate: TaxRate; onSaved(next: TaxRate): void; onDeleted(id: number): void }) {
  return (
    <EditableRow
      id={rate.id}
      what={`tax rate ${taxRateName(rate)}`}
      editor={(close) => (
        <TaxRateForm
          rate={rate}
          onSaved={(next) => {
            close();
            onSaved(next);
          }}
          onCancel={close}
        />
      )}
      remove={() => call(() => api.DELETE("/api/admin/tax-rates/{id}", { params: { path: { id: pathId(rate.id) } } }))}
      onDeleted={onDeleted}
    >
      <strong>{rate.rate} %</strong> {countryName(rate.country)} ({rate.country})
      <div class="muted">{rate.region ? `Region: ${rate.region}` : "The whole country"}</div>
    </EditableRow>
  );
}

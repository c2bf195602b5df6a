import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert, useFormAction } from "../../ui";

type Variant = Product["variants"][number];

/** Adds or removes a variant's stock atomically (`{ delta }`), as StockAdjuster does for a product. */
export function VariantStockAdjuster({ variant, onChanged }: { variant: Variant; onChanged(): Promise<void> }) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const delta = Number(new FormData(form).get("delta"));
    if (!Number.isInteger(delta) || delta === 0) return;
    const next = await call(() => api.POST("/api/variants/{id}/stock", { params: { path: { id: pathId(variant.id) } }, body: { delta } }));
    form.reset();
    say(`${next.sku}: stock is now ${next.stock}.`);
    await onChanged();
  });
  const inputId = `variant-stock-${variant.id}`;
  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field field-qty">
        <label for={inputId} class="visually-hidden">
          Stock change for variant {variant.sku}
        </label>
        <input id={inputId} name="delta" type="number" step={1} required placeholder="+5 or -2" />
      </div>
      <button class="button button-quiet" type="submit" disabled={busy}>
        Apply<span class="visually-hidden"> stock change to variant {variant.sku}</span>
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}

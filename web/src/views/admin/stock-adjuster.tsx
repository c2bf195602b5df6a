import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert, useFormAction } from "../../ui";

/** Adds or removes stock atomically (`{ delta }`): two admins adjusting at once both count. */
export function StockAdjuster({ product, onChanged }: { product: Product; onChanged(next: Product): void }) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const delta = Number(new FormData(form).get("delta"));
    if (!Number.isInteger(delta) || delta === 0) return;
    const next = await call(() => api.POST("/api/products/{id}/stock", { params: { path: { id: pathId(product.id) } }, body: { delta } }));
    onChanged(next);
    form.reset();
    say(`${next.name}: stock is now ${next.stock}.`);
  });
  const inputId = `stock-${product.id}`;
  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field field-qty">
        <label for={inputId}>
          Stock change<span class="visually-hidden"> for {product.name}</span>
        </label>
        <input id={inputId} name="delta" type="number" step={1} required placeholder="+5 or -2" />
      </div>
      <button class="button button-quiet" type="submit" disabled={busy}>
        Apply<span class="visually-hidden"> stock change to {product.name}</span>
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}

import { useState } from "preact/hooks";
import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { Price, ProblemAlert } from "../../ui";
import { DeleteButton } from "./delete-button";
import { VariantForm } from "./variant-form";
import { VariantStockAdjuster } from "./variant-stock";

type Variant = Product["variants"][number];

const COLUMNS = 6;

/** One variant in the variants table; Edit swaps the row for its form. */
export function VariantRow({ product, variant, onChanged }: { product: Product; variant: Variant; onChanged(): Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const image = product.images.find((i) => i.id === variant.image_id);
  const several = product.variants.length > 1;
  if (editing) {
    return (
      <tr>
        <td colSpan={COLUMNS}>
          <VariantForm
            product={product}
            variant={variant}
            onSaved={async () => {
              setEditing(false);
              await onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  }
  return (
    <tr data-variant-id={variant.id}>
      <td>{image ? <img class="thumb-small" src={image.url} width={image.width} height={image.height} alt={image.alt} /> : <span class="muted">—</span>}</td>
      <th scope="row">{variant.sku}</th>
      <td>
        {Object.entries(variant.options)
          .map(([name, value]) => `${name}: ${value}`)
          .join(", ") || <span class="muted">—</span>}
      </td>
      <td>
        <Price value={variant.price} />
      </td>
      <td>
        {variant.stock}
        {!variant.in_stock && <span class="stock stock-out"> sold out</span>}
      </td>
      <td>
        <div class="row">
          {several && <VariantStockAdjuster variant={variant} onChanged={onChanged} />}
          <button type="button" class="button" aria-label={`Edit variant ${variant.sku}`} onClick={() => setEditing(true)}>
            Edit
          </button>
          {several && (
            <DeleteButton
              what={`variant ${variant.sku}`}
              onDelete={async () => {
                try {
                  await call(() => api.DELETE("/api/products/{id}/variants/{variant_id}", { params: { path: { id: pathId(product.id), variant_id: pathId(variant.id) } } }));
                  say(`Variant ${variant.sku} deleted.`);
                  await onChanged();
                } catch (e) {
                  setError(e);
                }
              }}
            />
          )}
        </div>
        <ProblemAlert error={error} />
      </td>
    </tr>
  );
}

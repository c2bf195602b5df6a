import type { Product } from "../../api/client";
import { VariantForm } from "./variant-form";
import { VariantRow } from "./variant-row";

/** The API's limit (src/catalog/catalog.schemas.ts): a product has at most 100 variants. */
const MAX_VARIANTS = 100;

/** A product's variants: a table with each one's SKU, options, price, stock and picture, and a form to add one. */
export function VariantsEditor({ product, onChanged }: { product: Product; onChanged(): Promise<void> }) {
  return (
    <section class="card editor" aria-labelledby="variants-heading">
      <h2 id="variants-heading">Variants</h2>
      <p class="hint">
        {product.variants.length} of at most {MAX_VARIANTS}. SKUs are unique in the shop.
      </p>
      <div class="table-scroll">
        <table class="admin-table">
          <caption class="visually-hidden">Variants of {product.name}</caption>
          <thead>
            <tr>
              <th scope="col">Picture</th>
              <th scope="col">SKU</th>
              <th scope="col">Options</th>
              <th scope="col">Price</th>
              <th scope="col">Stock</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {product.variants.map((variant) => (
              <VariantRow key={variant.id} product={product} variant={variant} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      </div>
      {product.options.length === 0 ? (
        <p class="muted">Add options above to sell this product in more than one variant.</p>
      ) : (
        <div class="variant-new">
          <h3>New variant</h3>
          <VariantForm product={product} onSaved={onChanged} />
        </div>
      )}
    </section>
  );
}

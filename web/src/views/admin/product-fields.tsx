import { type Category, type Product } from "../../api/client";
import { Price } from "../../ui";
import { MONEY_PATTERN } from "./money";

/**
 * The product form's inputs. Price (and stock and SKU when creating) belong to a product's one
 * variant; a product with several variants shows its lowest price here and prices each variant below.
 */
export function ProductFields({ product, categories, creating }: { product: Product | null; categories: Category[]; creating: boolean }) {
  const oneVariant = product === null || product.variants.length <= 1;
  return (
    <>
      <div class="field">
        <label for="p-name">Name</label>
        <input id="p-name" name="name" required maxLength={200} defaultValue={product?.name ?? ""} />
      </div>
      <div class="field">
        <label for="p-description">Description</label>
        <textarea id="p-description" name="description" rows={3} maxLength={5000} defaultValue={product?.description ?? ""} />
      </div>
      {oneVariant ? (
        <div class="field">
          <label for="p-price">Price</label>
          <input id="p-price" name="price" inputMode="decimal" required pattern={MONEY_PATTERN} title="A price such as 12 or 12.50" defaultValue={product?.price ?? ""} />
        </div>
      ) : (
        <p>
          From <Price value={product.price} />: each of its {product.variants.length} variants has its own price and stock (below).
        </p>
      )}
      {creating && (
        <>
          <div class="field">
            <label for="p-stock">Stock</label>
            <input id="p-stock" name="stock" type="number" min={0} step={1} defaultValue="0" required />
          </div>
          <div class="field">
            <label for="p-sku">SKU</label>
            <input id="p-sku" name="sku" maxLength={100} aria-describedby="p-sku-hint" />
            <span class="hint" id="p-sku-hint">
              Unique in the shop. Empty: SKU-&lt;product id&gt;.
            </span>
          </div>
        </>
      )}
      <div class="field">
        <label for="p-category">Category</label>
        <select id="p-category" name="category_id" required>
          {creating && <option value="">Choose a category</option>}
          {categories.map((c) => (
            <option key={c.id} value={String(c.id)} selected={product?.category.id === c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

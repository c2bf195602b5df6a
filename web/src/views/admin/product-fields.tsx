import { type Category, type Product } from "../../api/client";
import { Price } from "../../ui";

const PRICE_PATTERN = "\\d{1,10}(\\.\\d{1,2})?";

/** The product form's inputs; stock only when creating (an edit adjusts it separately). */
export function ProductFields({ product, categories, creating }: { product: Product | null; categories: Category[]; creating: boolean }) {
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
      <div class="field">
        <label for="p-price">Price</label>
        <input id="p-price" name="price" inputMode="decimal" required pattern={PRICE_PATTERN} title="A price such as 12 or 12.50" defaultValue={product?.price ?? ""} />
      </div>
      {creating && (
        <div class="field">
          <label for="p-stock">Stock</label>
          <input id="p-stock" name="stock" type="number" min={0} step={1} defaultValue="0" required />
        </div>
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

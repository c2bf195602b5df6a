import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { FormActions, ProblemAlert, useFormAction } from "../../ui";
import { MONEY_PATTERN } from "./money";

type Variant = Product["variants"][number];

/** "Picture 2: Blue mug" as the variant's picture choice names it. */
export function pictureName(product: Product, imageId: number): string {
  const at = product.images.findIndex((image) => image.id === imageId);
  if (at < 0) return `picture #${imageId}`;
  const alt = product.images[at]!.alt;
  return `Picture ${at + 1}${alt ? `: ${alt}` : ""}`;
}

/**
 * Add a variant (no `variant`) or edit one: its SKU, a value of each of the product's options, its
 * price, its picture (one of the product's) and, when new, its stock; an edit sends only what changed.
 */
export function VariantForm({ product, variant, onSaved, onCancel }: { product: Product; variant?: Variant; onSaved(): Promise<void>; onCancel?(): void }) {
  const id = variant ? `variant-${variant.id}` : "variant-new";
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const options = Object.fromEntries(product.options.map((o, i) => [o.name, text(`option-${i}`)]));
    const imageId = text("image_id") ? Number(text("image_id")) : null;
    if (variant) {
      const changed: { sku?: string; options?: Record<string, string>; price?: string; image_id?: number | null } = {};
      if (text("sku") !== variant.sku) changed.sku = text("sku");
      if (product.options.some((o) => options[o.name] !== variant.options[o.name])) changed.options = options;
      if (text("price") !== variant.price) changed.price = text("price");
      if (imageId !== variant.image_id) changed.image_id = imageId;
      if (Object.keys(changed).length === 0) {
        say("Nothing changed.");
      } else {
        const saved = await call(() =>
          api.PATCH("/api/products/{id}/variants/{variant_id}", { params: { path: { id: pathId(product.id), variant_id: pathId(variant.id) } }, body: changed }),
        );
        say(`Variant ${saved.sku} saved.`);
      }
    } else {
      const created = await call(() =>
        api.POST("/api/products/{id}/variants", {
          params: { path: { id: pathId(product.id) } },
          body: { sku: text("sku"), options, price: text("price"), stock: Number(text("stock") || "0"), ...(imageId === null ? {} : { image_id: imageId }) },
        }),
      );
      form.reset();
      say(`Variant ${created.sku} added.`);
    }
    await onSaved();
  });
  return (
    <form class="stack variant-form" aria-label={variant ? `Edit variant ${variant.sku}` : "New variant"} onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-sku`}>SKU</label>
        <input id={`${id}-sku`} name="sku" required maxLength={100} defaultValue={variant?.sku ?? ""} />
      </div>
      {product.options.map((option, i) => (
        <div class="field" key={option.name}>
          <label for={`${id}-option-${i}`}>{option.name}</label>
          <select id={`${id}-option-${i}`} name={`option-${i}`} required>
            {!variant && <option value="">Choose</option>}
            {option.values.map((value) => (
              <option key={value} value={value} selected={variant?.options[option.name] === value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="field">
        <label for={`${id}-price`}>Variant price</label>
        <input id={`${id}-price`} name="price" inputMode="decimal" required pattern={MONEY_PATTERN} title="A price such as 12 or 12.50" defaultValue={variant?.price ?? ""} />
      </div>
      {!variant && (
        <div class="field">
          <label for={`${id}-stock`}>Initial stock</label>
          <input id={`${id}-stock`} name="stock" type="number" min={0} step={1} defaultValue="0" required />
        </div>
      )}
      <div class="field">
        <label for={`${id}-image`}>Picture</label>
        <select id={`${id}-image`} name="image_id">
          <option value="">None (the product's first)</option>
          {product.images.map((image) => (
            <option key={image.id} value={String(image.id)} selected={variant?.image_id === image.id}>
              {pictureName(product, image.id)}
            </option>
          ))}
        </select>
      </div>
      <ProblemAlert error={error} />
      <FormActions busy={busy} label={variant ? "Save variant" : "Add variant"} onCancel={onCancel} />
    </form>
  );
}

import { useState } from "preact/hooks";
import { api, pathId, type Product } from "../../api/client";
import { addToCart } from "../../cart";
import { imageOf, type Variant } from "../../catalog";
import { firstVariant, optionText } from "../../variant-choice";
import { href } from "../../router";
import { call } from "../../session";
import { say } from "../../toast";
import { Loading, PageTitle, Price, ProblemAlert, useAsync } from "../../ui";
import { Gallery } from "./gallery";
import { StockNote } from "./stock-note";
import { VariantPicker } from "./variant-picker";

export function ProductDetail({ id }: { id: number }) {
  const product = useAsync(() => call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } })), [id]);
  const p = product.data;
  return (
    <section>
      <p>
        <a href="#/">← All products</a>
      </p>
      <PageTitle title={p?.name ?? "Product"}>{p?.name ?? "Product"}</PageTitle>
      {!p ? product.loading ? <Loading what="the product" /> : <ProblemAlert error={product.error} /> : <ProductPage key={p.id} product={p} />}
    </section>
  );
}

/** A loaded product: its pictures, the variant picker, and what the chosen variant costs and has left. */
function ProductPage({ product }: { product: Product }) {
  const hasOptions = product.options.length > 0;
  const [chosen, setChosen] = useState<Variant | undefined>(() => firstVariant(product.variants));
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<unknown>(null);
  // Without options the product's own price and stock are its one variant's.
  const price = hasOptions && chosen ? chosen.price : product.price;
  const stock = hasOptions && chosen ? chosen.stock : product.stock;
  const inStock = hasOptions ? Boolean(chosen?.in_stock) : product.in_stock;
  const choose = (variant: Variant) => {
    setChosen(variant);
    setQuantity((q) => Math.min(q, Math.max(1, variant.stock)));
  };
  const add = async () => {
    // product_id with the variant: a signed-out visitor's cart shows its lines from their product.
    const line = hasOptions && chosen ? { variant_id: chosen.id, product_id: product.id, quantity } : { product_id: product.id, quantity };
    await addToCart(line);
    const options = hasOptions && chosen ? optionText(chosen.options) : "";
    say(`Added ${quantity} × ${product.name}${options ? ` (${options})` : ""} to the cart.`);
  };
  return (
    <article class={product.images.length > 0 ? "product-detail has-pictures" : "product-detail"}>
      <Gallery images={product.images} main={imageOf(product, hasOptions ? chosen : undefined)} />
      <div class="product-info">
        <p class="muted">
          <a href={href("/", { category: String(product.category.id) })}>{product.category.name}</a>
        </p>
        <p class="big" aria-live="polite" aria-atomic="true">
          <Price value={price} /> <StockNote stock={stock} inStock={inStock} />
          {hasOptions && chosen && <span class="muted sku"> SKU: {chosen.sku}</span>}
        </p>
        {product.description && <p class="description">{product.description}</p>}
        <form
          class="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void add().then(() => setError(null), setError);
          }}
        >
          {hasOptions && chosen && <VariantPicker product={product} chosen={chosen} onChoose={choose} />}
          <div class="inline-form">
            <div class="field">
              <label for="qty">Quantity</label>
              <input
                id="qty"
                type="number"
                min={1}
                max={Math.max(1, stock)}
                value={quantity}
                onInput={(event) => setQuantity(Math.max(1, Number((event.currentTarget as HTMLInputElement).value) || 1))}
                disabled={!inStock}
              />
            </div>
            <button class="button" type="submit" disabled={!inStock}>
              Add to cart
            </button>
          </div>
        </form>
        <ProblemAlert error={error} />
      </div>
    </article>
  );
}

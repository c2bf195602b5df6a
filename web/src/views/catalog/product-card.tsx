import { useState } from "preact/hooks";
import type { Product } from "../../api/client";
import { addToCart } from "../../cart";
import { href } from "../../router";
import { say } from "../../toast";
import { ActionButton, Price, ProblemAlert } from "../../ui";
import { Picture } from "./picture";
import { StockNote } from "./stock-note";

/** A product in the grid: its first picture, name, price and stock; a product with options is chosen on its page. */
export function ProductCard({ product }: { product: Product }) {
  const [error, setError] = useState<unknown>(null);
  const image = product.images[0];
  const hasOptions = product.options.length > 0;
  const pricesDiffer = new Set(product.variants.map((v) => v.price)).size > 1;
  const page = href(`/products/${product.id}`);
  const add = async () => {
    await addToCart({ product_id: product.id, quantity: 1 });
    say(`Added 1 × ${product.name} to the cart.`);
  };
  return (
    <li class="card product-card">
      {image && <Picture image={image} lazy class="card-picture" />}
      <a class="product-name" href={page}>
        {product.name}
      </a>
      <span class="muted">{product.category.name}</span>
      <span class="row">
        <span>
          {pricesDiffer && <span class="muted">From </span>}
          <Price value={product.price} />
        </span>
        <StockNote stock={product.stock} inStock={product.in_stock} />
      </span>
      {hasOptions ? (
        <a class="button card-action" href={page} aria-label={`Choose options for ${product.name}`}>
          Choose options
        </a>
      ) : (
        <ActionButton
          class="button card-action"
          label={`Add ${product.name} to cart`}
          disabled={!product.in_stock}
          onAction={() => add().then(() => setError(null), setError)}
        >
          Add to cart
        </ActionButton>
      )}
      <ProblemAlert error={error} />
    </li>
  );
}

import { useEffect, useState } from "preact/hooks";
import type { Cart } from "../api/client";
import { cart, loadCart, loadGuestCart, removeFromCart, setQuantity } from "../cart";
import { lineImage } from "../catalog";
import { href } from "../router";
import { session } from "../session";
import { useStore } from "../store";
import { ActionButton, Loading, PageTitle, Price, ProblemAlert } from "../ui";
import { optionText } from "../variant-choice";
import { LinePicture, OptionValues } from "./catalog/line-parts";

function CartLine({ item, onError }: { item: Cart["items"][number]; onError(error: unknown): void }) {
  const product = item.product;
  const options = optionText(item.variant.options);
  // A product's variants are lines of their own: the controls' names say which.
  const name = options ? `${product.name} (${options})` : product.name;
  const inputId = `qty-${item.variant_id}`;
  return (
    <li class="card cart-line">
      <LinePicture image={lineImage(product, item.variant_id)} />
      <div class="grow">
        <a href={href(`/products/${product.id}`)}>{product.name}</a>
        <OptionValues options={item.variant.options} />
        <div class="muted">
          <Price value={item.variant.price} /> each
        </div>
      </div>
      <div class="field field-qty">
        <label for={inputId}>
          Quantity<span class="visually-hidden"> of {name}</span>
        </label>
        <input
          id={inputId}
          type="number"
          min={1}
          max={Math.max(item.variant.stock, item.quantity)}
          defaultValue={String(item.quantity)}
          key={item.quantity}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const quantity = Number(input.value);
            if (!Number.isInteger(quantity) || quantity < 1 || quantity === item.quantity) {
              input.value = String(item.quantity);
              return;
            }
            void setQuantity(item.variant_id, quantity).then(() => onError(null), (error: unknown) => {
              input.value = String(item.quantity);
              onError(error);
            });
          }}
        />
      </div>
      <div class="line-total">
        <Price value={item.line_total} />
      </div>
      <ActionButton class="button button-quiet" label={`Remove ${name}`} onAction={() => removeFromCart(item.variant_id).then(() => onError(null), onError)}>
        Remove
      </ActionButton>
    </li>
  );
}

export function CartView() {
  const value = useStore(cart);
  const { tokens, user } = useStore(session);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lineError, setLineError] = useState<unknown>(null);

  useEffect(() => {
    if (user) void loadCart(user.id).then(() => setLoadError(null), setLoadError);
    else if (!tokens) void loadGuestCart().then(() => setLoadError(null), setLoadError);
  }, [user?.id, tokens === null]);

  return (
    <section>
      <PageTitle title="Cart">Your cart</PageTitle>
      <ProblemAlert error={loadError} />
      {!value ? (
        <Loading what="your cart" />
      ) : value.items.length === 0 ? (
        <p>
          Your cart is empty. <a href="#/">Browse the products</a>.
        </p>
      ) : (
        <>
          <ul class="list" aria-label="Cart items">
            {value.items.map((item) => (
              <CartLine key={item.variant_id} item={item} onError={setLineError} />
            ))}
          </ul>
          <ProblemAlert error={lineError} />
          <p class="total">
            Subtotal <Price value={value.total} />
          </p>
          <p class="hint cart-next">Shipping, tax and any discount code come at checkout, where you see the whole total before you order.</p>
          <a class="button button-primary" href="#/checkout">
            Check out
          </a>
        </>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, type Cart, type Shortage } from "../api/client";
import { cart, checkoutKey, forgetCheckoutKey, loadCart, removeFromCart, setQuantity } from "../cart";
import { lineImage } from "../catalog";
import { href, navigate } from "../router";
import { call, session } from "../session";
import { useStore } from "../store";
import { say } from "../toast";
import { ActionButton, Loading, PageTitle, Price, ProblemAlert } from "../ui";
import { LinePicture, OptionValues } from "./catalog/line-parts";

function CartLine({ item, onError }: { item: Cart["items"][number]; onError(error: unknown): void }) {
  const product = item.product;
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
          Quantity<span class="visually-hidden"> of {product.name}</span>
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
            void setQuantity(item.variant_id, quantity).then(() => onError(null), onError);
          }}
        />
      </div>
      <div class="line-total">
        <Price value={item.line_total} />
      </div>
      <ActionButton class="button button-quiet" label={`Remove ${product.name}`} onAction={() => removeFromCart(item.variant_id).then(() => onError(null), onError)}>
        Remove
      </ActionButton>
    </li>
  );
}

/** What a 409 "insufficient stock" says, product by product, with the fix one click away. */
function Shortages({ shortages, onFixed }: { shortages: Shortage[]; onFixed(): void }) {
  return (
    <ul class="shortages">
      {shortages.map((s) => (
        <li key={s.product_id}>
          <strong>{s.name}</strong>: {s.available === 0 ? "sold out" : `only ${s.available} available`}, you asked for {s.requested}.{" "}
          {s.available > 0 ? (
            <ActionButton class="link" onAction={() => setQuantity(s.product_id, s.available).then(onFixed)}>
              Take {s.available}
            </ActionButton>
          ) : (
            <ActionButton class="link" onAction={() => removeFromCart(s.product_id).then(onFixed)}>
              Remove it
            </ActionButton>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CartView() {
  const value = useStore(cart);
  const user = useStore(session).user;
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lineError, setLineError] = useState<unknown>(null);
  const [checkoutError, setCheckoutError] = useState<unknown>(null);
  const [placing, setPlacing] = useState(false);
  const inFlight = useRef(false);

  useEffect(() => {
    if (user) void loadCart(user.id).then(() => setLoadError(null), setLoadError);
  }, [user?.id]);

  const placeOrder = async () => {
    // A second click while the first is on its way does nothing (and the button is disabled).
    if (inFlight.current || !user || !value || value.items.length === 0) return;
    inFlight.current = true;
    setPlacing(true);
    setCheckoutError(null);
    // The same cart always goes with the same key: a retry after a lost answer replays that order.
    const key = checkoutKey(user.id, value);
    try {
      const order = await call(() => api.POST("/api/orders", { params: { header: { "idempotency-key": key } } }));
      forgetCheckoutKey(user.id);
      cart.set({ items: [], total: "0.00" });
      say(`Order #${order.id} placed.`);
      navigate(href(`/orders/${order.id}`));
    } catch (error) {
      setCheckoutError(error);
      if (error instanceof ApiError && error.status === 409) void loadCart(user.id).catch(() => undefined);
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  };

  const shortages = checkoutError instanceof ApiError ? checkoutError.problem.products : undefined;
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
            Total <Price value={value.total} />
          </p>
          <ProblemAlert error={checkoutError}>{shortages && shortages.length > 0 && <Shortages shortages={shortages} onFixed={() => setCheckoutError(null)} />}</ProblemAlert>
          <button class="button button-primary" type="button" onClick={placeOrder} disabled={placing} aria-busy={placing}>
            {placing ? "Placing order…" : "Place order"}
          </button>
        </>
      )}
    </section>
  );
}

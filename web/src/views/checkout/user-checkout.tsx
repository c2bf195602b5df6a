import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, placeOrderBody, type Address, type Cart, type QuoteRequest, type User } from "../../api/client";
import { cart, cartFingerprint, checkoutKey, forgetCheckoutKey, loadCart } from "../../cart";
import { href, navigate } from "../../router";
import { call } from "../../session";
import { say } from "../../toast";
import { Loading, ProblemAlert, useAsync } from "../../ui";
import { AddressForm } from "../account/address-form";
import { AddressText } from "../account/address-text";
import { createAddress, listAddresses } from "../account/addresses";
import { Breakdown } from "./breakdown";
import { DiscountField } from "./discount-field";
import { ShippingChoice } from "./shipping-choice";
import { shippingMethodsTo } from "./shipping-methods";
import { Shortages } from "./shortages";

function AddressChoice({ addresses, value, onChange }: { addresses: Address[]; value: number | null; onChange(id: number): void }) {
  return (
    <fieldset class="choices">
      <legend>Ship to</legend>
      {addresses.map((address) => {
        const id = `ship-to-${address.id}`;
        return (
          <div class="choice" key={address.id}>
            <input id={id} type="radio" name="ship-to" value={String(address.id)} checked={value === address.id} onChange={() => onChange(address.id)} />
            <label for={id}>
              <AddressText address={address} />
              {address.is_default && <span class="badge badge-default">Default</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The signed-in checkout: address (the default preselected, or a new one added here), shipping
 * method (the cheapest preselected), code, and the breakdown `POST /api/cart/quote` answers for
 * exactly those choices, asked again whenever one of them or the cart changes. Place order sends
 * the same body to `POST /api/orders`; it stays disabled while the quote names a problem.
 */
export function UserCheckout({ user, value }: { user: User; value: Cart }) {
  const addresses = useAsync(listAddresses, []);
  const [chosenAddress, setChosenAddress] = useState<number | null>(null);
  const [addingAddress, setAddingAddress] = useState(false);
  const [chosenMethod, setChosenMethod] = useState<number | null>(null);
  const [code, setCode] = useState<string | undefined>(undefined);
  const [orderError, setOrderError] = useState<unknown>(null);
  const [placing, setPlacing] = useState(false);
  const inFlight = useRef(false);

  // Derived, not copied into state: a choice that no longer exists falls back to the default.
  const book = addresses.data ?? [];
  const address = book.find((a) => a.id === chosenAddress) ?? book.find((a) => a.is_default) ?? book[0];
  const country = address?.country;
  const methods = useAsync(() => (country ? shippingMethodsTo(country) : Promise.resolve([])), [country]);
  const methodsReady = !methods.loading && methods.data !== undefined;
  const method = methodsReady ? (methods.data!.find((m) => m.id === chosenMethod) ?? methods.data![0]) : undefined;

  const body: QuoteRequest | null =
    address && methodsReady ? { shipping_address_id: address.id, ...(method ? { shipping_method_id: method.id } : {}), ...(code ? { discount_code: code } : {}) } : null;
  const lines = cartFingerprint(value);
  const key = `${lines}|${JSON.stringify(body)}`;
  const quote = useAsync(() => (body && lines ? call(() => api.POST("/api/cart/quote", { body })) : Promise.resolve(null)), [key]);
  useEffect(() => setOrderError(null), [key]);

  const placeOrder = async () => {
    // A second click while the first is on its way does nothing (and the button is disabled).
    if (inFlight.current || !body) return;
    inFlight.current = true;
    setPlacing(true);
    setOrderError(null);
    // The same cart and choices always go with the same key: a retry after a lost answer replays that order.
    const idempotencyKey = checkoutKey(user.id, value, body);
    try {
      const order = await call(() => api.POST("/api/orders", { body: placeOrderBody(body), params: { header: { "idempotency-key": idempotencyKey } } }));
      forgetCheckoutKey(user.id);
      cart.set({ items: [], total: "0.00" });
      void loadCart(user.id).catch(() => undefined); // lines added meanwhile are still there
      say(`Order #${order.id} placed.`);
      navigate(href(`/orders/${order.id}`));
    } catch (error) {
      setOrderError(error);
      if (error instanceof ApiError && error.status === 409) void loadCart(user.id).catch(() => undefined);
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  };

  const problem = orderError ?? quote.error;
  const current = quote.data && !quote.loading && !quote.error;
  // A refusal stands until a choice or the cart changes; a lost answer or a 5xx may simply be tried again.
  const refused = Boolean(quote.error) || (orderError instanceof ApiError && orderError.status >= 400 && orderError.status < 500);
  return (
    <div class="checkout">
      <div class="checkout-choices stack">
        <h2>Delivery</h2>
        <ProblemAlert error={addresses.error} />
        {!addresses.data ? (
          addresses.loading && <Loading what="your addresses" />
        ) : (
          <>
            {book.length > 0 && <AddressChoice addresses={book} value={address?.id ?? null} onChange={setChosenAddress} />}
            {book.length === 0 || addingAddress ? (
              <AddressForm
                prefix="checkout-address-"
                label="New address"
                submitLabel={book.length === 0 ? "Ship here" : "Add and ship here"}
                withDefault={book.length > 0}
                onSave={async (input, isDefault) => {
                  const added = await createAddress(input, isDefault);
                  setChosenAddress(added.id);
                  setAddingAddress(false);
                  addresses.reload();
                }}
                onCancel={book.length > 0 ? () => setAddingAddress(false) : undefined}
              />
            ) : (
              <button type="button" class="button button-quiet" onClick={() => setAddingAddress(true)}>
                Add a new address
              </button>
            )}
          </>
        )}
        {address && (
          <>
            <ProblemAlert error={methods.error} />
            {methodsReady && methods.data!.length > 0 && <ShippingChoice methods={methods.data!} value={method?.id ?? null} onChange={setChosenMethod} />}
          </>
        )}
        <DiscountField applied={code} onApply={setCode} />
      </div>
      <aside class="checkout-summary card" aria-label="Summary">
        <h2>Summary</h2>
        <p class="muted">
          {value.items.reduce((n, i) => n + i.quantity, 0)} items · <a href="#/cart">change</a>
        </p>
        {/* One live region: screen readers hear the new total, or what stands in the way, whenever a choice changes it. */}
        <div aria-live="polite" aria-busy={quote.loading} data-testid="breakdown">
          {!address ? (
            <p>Add the address to ship to, and the totals show here.</p>
          ) : problem ? (
            <ProblemAlert error={problem}>
              <Shortages error={problem} onFixed={() => setOrderError(null)} />
            </ProblemAlert>
          ) : quote.data ? (
            <Breakdown totals={quote.data} />
          ) : (
            <Loading what="the totals" />
          )}
          {quote.loading && quote.data && <p class="muted">Updating…</p>}
        </div>
        <button class="button button-primary" type="button" onClick={placeOrder} disabled={!current || refused || placing} aria-busy={placing}>
          {placing ? "Placing order…" : "Place order"}
        </button>
      </aside>
    </div>
  );
}

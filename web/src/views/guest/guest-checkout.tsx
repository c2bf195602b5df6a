import { useRef, useState } from "preact/hooks";
import { api, ApiError, type Cart } from "../../api/client";
import { clearGuestCart, guestLines } from "../../cart";
import { href, navigate } from "../../router";
import { call } from "../../session";
import { say } from "../../toast";
import { Price, ProblemAlert, useAsync } from "../../ui";
import { AddressFields, fieldErrors, readAddress } from "../account/address-fields";
import { ShippingChoice } from "../checkout/shipping-choice";
import { shippingMethodsTo } from "../checkout/shipping-methods";
import { Shortages } from "../checkout/shortages";
import { saveGuestToken } from "./guest-token";

const PREFIX = "guest-";

/**
 * Checkout without an account: email, address, shipping method and code go with the guest cart's
 * lines to `POST /api/guest/orders`. There is no quote for guests, so the tax and the code's
 * discount are worked out by the order itself; its page shows the whole breakdown before paying.
 */
export function GuestCheckout({ value }: { value: Cart }) {
  const [country, setCountry] = useState("");
  const [chosenMethod, setChosenMethod] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [placing, setPlacing] = useState(false);
  const inFlight = useRef(false);
  const methods = useAsync(() => (country ? shippingMethodsTo(country) : Promise.resolve([])), [country]);
  const methodsReady = !methods.loading && methods.data !== undefined;
  const method = methodsReady ? (methods.data!.find((m) => m.id === chosenMethod) ?? methods.data![0]) : undefined;

  const placeOrder = async (event: Event) => {
    event.preventDefault();
    // No Idempotency-Key on this route: the button, disabled while the order is on its way, is what stops a double order.
    if (inFlight.current) return;
    inFlight.current = true;
    setPlacing(true);
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const code = String(data.get("discount_code") ?? "").trim();
    try {
      const order = await call(() =>
        api.POST("/api/guest/orders", {
          body: {
            email: String(data.get("email") ?? "").trim(),
            items: guestLines().map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
            shipping_address: readAddress(form, PREFIX),
            ...(method ? { shipping_method_id: method.id } : {}),
            ...(code ? { discount_code: code } : {}),
          },
        }),
      );
      saveGuestToken(order.id, order.access_token);
      clearGuestCart();
      setError(null);
      say(`Order #${order.id} placed.`);
      navigate(href(`/guest/orders/${order.id}`));
    } catch (e) {
      setError(e);
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  };

  const problem = error instanceof ApiError ? error.problem : null;
  const errors = fieldErrors(problem?.errors, "shipping_address.");
  const emailError = problem?.errors?.find((e) => e.path === "email")?.message;
  return (
    <form class="checkout" aria-label="Guest checkout" onSubmit={placeOrder}>
      <div class="checkout-choices stack">
        <p class="notice">
          Have an account? <a href={href("/login", { next: "/checkout" })}>Log in</a> to use your address book. Or check out as a guest:
        </p>
        <div class="field">
          <label for="guest-email">Email</label>
          <input
            id="guest-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            aria-describedby={emailError ? "guest-email-error guest-email-hint" : "guest-email-hint"}
            aria-invalid={emailError ? true : undefined}
          />
          <span id="guest-email-hint" class="hint">
            The confirmation and every update about this order go here.
          </span>
          {emailError && (
            <span id="guest-email-error" class="field-error">
              {emailError}
            </span>
          )}
        </div>
        <h2>Delivery</h2>
        <AddressFields prefix={PREFIX} errors={errors} onCountry={setCountry} />
        <ProblemAlert error={methods.error} />
        {methodsReady && methods.data!.length > 0 && <ShippingChoice methods={methods.data!} value={method?.id ?? null} onChange={setChosenMethod} name="guest-shipping-method" />}
        {country && methodsReady && methods.data!.length === 0 && (
          <p class="alert" role="alert">
            No shipping method ships to {country}.
          </p>
        )}
        <div class="field">
          <label for="guest-discount-code">Discount code (optional)</label>
          <input id="guest-discount-code" name="discount_code" maxLength={64} pattern="[A-Za-z0-9_\-]{1,64}" title="Letters, digits, - and _" autoComplete="off" />
        </div>
      </div>
      <aside class="checkout-summary card" aria-label="Summary">
        <h2>Summary</h2>
        <p class="muted">
          {value.items.reduce((n, i) => n + i.quantity, 0)} items · <a href="#/cart">change</a>
        </p>
        <dl class="breakdown" aria-live="polite">
          <div>
            <dt>Subtotal</dt>
            <dd>
              <Price value={value.total} />
            </dd>
          </div>
          {method && (
            <div>
              <dt>Shipping ({method.name})</dt>
              <dd>
                <Price value={method.price} />
                {method.free_over !== null && <span class="muted"> · free over {method.free_over}</span>}
              </dd>
            </div>
          )}
        </dl>
        <p class="hint">Tax and your code's discount are added up when the order is placed: its page shows the full breakdown before you pay.</p>
        <ProblemAlert error={error}>
          <Shortages error={error} onFixed={() => setError(null)} />
        </ProblemAlert>
        <button class="button button-primary" type="submit" disabled={placing || !method} aria-busy={placing}>
          {placing ? "Placing order…" : "Place order"}
        </button>
      </aside>
    </form>
  );
}

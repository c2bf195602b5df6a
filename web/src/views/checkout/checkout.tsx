import { cart } from "../../cart";
import { session } from "../../session";
import { useStore } from "../../store";
import { Loading, PageTitle } from "../../ui";
import { GuestCheckout } from "../guest/guest-checkout";
import { UserCheckout } from "./user-checkout";

/** The step between the cart and an order: signed in, from the account's cart and address book; else as a guest. */
export function CheckoutView() {
  const { tokens, user } = useStore(session);
  const value = useStore(cart);
  return (
    <section>
      <p>
        <a href="#/cart">← Back to the cart</a>
      </p>
      <PageTitle title="Checkout">Checkout</PageTitle>
      {(tokens && !user) || !value ? (
        <Loading what="your cart" />
      ) : value.items.length === 0 ? (
        <p>
          Your cart is empty. <a href="#/">Browse the products</a>.
        </p>
      ) : user ? (
        <UserCheckout user={user} value={value} />
      ) : (
        <GuestCheckout value={value} />
      )}
    </section>
  );
}

// The storefront: Preact (about 5 KiB gzipped) for declarative screens that follow shared state (the
// session, the cart, live notifications) without hand-written DOM updates; everything else is
// the platform (hash routing, forms, fetch through the typed client, WebSocket).
import { render, type JSX } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { cart, cartCount, loadCart, loadGuestCart } from "./cart";
import { live, notifications, announcements } from "./live";
import { href, matchRoute, navigate, useRoute, type ScreenRoute } from "./router";
import { loadUser, logout, session } from "./session";
import { useStore } from "./store";
import { say, toast } from "./toast";
import { PageTitle } from "./ui";
import { AddressBook } from "./views/account/address-book";
import { AdminDiscounts, AdminNav, AdminOrders, AdminProductForm, AdminProducts, AdminShippingMethods, AdminTaxRates } from "./views/admin";
import { ForgotPasswordView, LoginView, RegisterView, ResetPasswordView, VerifyEmailBanner, VerifyEmailView } from "./views/auth";
import { CartView } from "./views/cart";
import { Catalog, ProductDetail } from "./views/catalog";
import { CheckoutView } from "./views/checkout/checkout";
import { GuestOrderView } from "./views/guest/guest-order";
import { NotificationsView } from "./views/notifications";
import { OrderDetail, OrderHistory } from "./views/orders";

const CONNECTION_LABEL = { off: "", connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", paused: "Live updates paused" } as const;

function LiveIndicator() {
  const state = useStore(live);
  if (state.connection === "off") return null;
  return (
    <span class="live-indicator" data-state={state.connection}>
      <span class="dot" aria-hidden="true" />
      <span role="status">{CONNECTION_LABEL[state.connection]}</span>
      {state.connection === "paused" && (
        <button type="button" class="link" onClick={() => notifications.resume()}>
          Resume
        </button>
      )}
    </span>
  );
}

function Header({ path }: { path: string }) {
  const { tokens, user } = useStore(session);
  const count = cartCount(useStore(cart));
  const unread = useStore(live).unread;
  const current = (prefix: string) => (prefix === "/" ? path === "/" || path.startsWith("/products") : path.startsWith(prefix)) ? "page" : undefined;
  return (
    <header class="site-header">
      <a class="brand" href="#/">
        Edge Shop
      </a>
      <nav aria-label="Main">
        <a href="#/" aria-current={current("/")}>
          Products
        </a>
        <a href="#/cart" aria-current={current("/cart")}>
          Cart{" "}
          <span class="count" aria-label={`${count} items`}>
            {count}
          </span>
        </a>
        {tokens && (
          <>
            <a href="#/orders" aria-current={current("/orders")}>
              Orders
            </a>
            <a href="#/notifications" aria-current={current("/notifications")}>
              Notifications{" "}
              <span class={`count${unread ? " count-hot" : ""}`} aria-label={`${unread} unread`} data-testid="unread-count">
                {unread}
              </span>
            </a>
            <a href="#/account/addresses" aria-current={current("/account")}>
              Addresses
            </a>
          </>
        )}
        {user?.is_admin && (
          <a href="#/admin/orders" aria-current={current("/admin")}>
            Admin
          </a>
        )}
      </nav>
      <div class="account">
        <LiveIndicator />
        {tokens ? (
          <>
            <span class="muted who">{user?.email ?? ""}</span>
            <button
              type="button"
              class="button button-quiet"
              onClick={() => {
                void logout();
                navigate("#/");
                say("Logged out.");
              }}
            >
              Log out
            </button>
          </>
        ) : (
          <>
            <a href="#/login">Log in</a>
            <a class="button" href="#/register">
              Register
            </a>
          </>
        )}
      </div>
    </header>
  );
}

function NotFound() {
  return (
    <section>
      <PageTitle title="Not found">Nothing here</PageTitle>
      <p>
        This page does not exist. <a href="#/">Go to the products</a>.
      </p>
    </section>
  );
}

type Render = (params: Record<string, number>, query: URLSearchParams) => JSX.Element;

/** Every screen, by path: `:id` segments match a numeric id. The first match wins. */
const SCREENS: ScreenRoute<Render>[] = [
  { pattern: "/", access: "public", screen: (_, query) => <Catalog query={query} /> },
  { pattern: "/products/:id", access: "public", screen: ({ id }) => <ProductDetail id={id!} /> },
  { pattern: "/login", access: "public", screen: (_, query) => <LoginView query={query} /> },
  { pattern: "/register", access: "public", screen: (_, query) => <RegisterView query={query} /> },
  { pattern: "/forgot-password", access: "public", screen: () => <ForgotPasswordView /> },
  { pattern: "/reset-password", access: "public", screen: (_, query) => <ResetPasswordView query={query} /> },
  { pattern: "/verify-email", access: "public", screen: (_, query) => <VerifyEmailView query={query} /> },
  { pattern: "/cart", access: "public", screen: () => <CartView /> },
  { pattern: "/checkout", access: "public", screen: () => <CheckoutView /> },
  { pattern: "/guest/orders/:id", access: "public", screen: ({ id }, query) => <GuestOrderView id={id!} query={query} /> },
  { pattern: "/orders", access: "user", screen: () => <OrderHistory /> },
  { pattern: "/orders/:id", access: "user", screen: ({ id }, query) => <OrderDetail id={id!} query={query} /> },
  { pattern: "/account/addresses", access: "user", screen: () => <AddressBook /> },
  { pattern: "/notifications", access: "user", screen: () => <NotificationsView /> },
  { pattern: "/admin/products", access: "admin", nav: "Products", screen: (_, query) => <AdminProducts query={query} /> },
  { pattern: "/admin/products/new", access: "admin", screen: () => <AdminProductForm /> },
  { pattern: "/admin/products/:id", access: "admin", screen: ({ id }) => <AdminProductForm id={id} /> },
  { pattern: "/admin/orders", access: "admin", nav: "Orders", screen: (_, query) => <AdminOrders query={query} /> },
  { pattern: "/admin/shipping-methods", access: "admin", nav: "Shipping methods", screen: () => <AdminShippingMethods /> },
  { pattern: "/admin/tax-rates", access: "admin", nav: "Tax rates", screen: () => <AdminTaxRates /> },
  { pattern: "/admin/discounts", access: "admin", nav: "Discount codes", screen: () => <AdminDiscounts /> },
];

/** The admin navigation: the admin screens that have a `nav` label, in the table's order. */
const ADMIN_LINKS = SCREENS.flatMap((route) => (route.nav ? [{ pattern: route.pattern, label: route.nav }] : []));

function Screen({ path, query }: { path: string; query: URLSearchParams }) {
  const { tokens, user } = useStore(session);
  const matched = matchRoute(SCREENS, path);
  const needsLogin = matched !== null && matched.route.access !== "public";
  useEffect(() => {
    if (needsLogin && !tokens) navigate(href("/login", { next: `${path}${query.size ? `?${query}` : ""}` }), { replace: true });
  }, [needsLogin, tokens, path]);
  if (!matched) return <NotFound />;
  if (needsLogin && !tokens) return null;
  if (matched.route.access === "admin") {
    if (!user) return null; // is_admin comes with the user, in a moment
    if (!user.is_admin) return <NotFound />;
    return (
      <>
        <AdminNav links={ADMIN_LINKS} path={path} />
        {matched.route.screen(matched.params, query)}
      </>
    );
  }
  return matched.route.screen(matched.params, query);
}

function App() {
  const route = useRoute();
  const { tokens, user } = useStore(session);
  const message = useStore(toast);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // The session decides what runs: the user, the cart and the notification socket.
  const signedIn = tokens !== null;
  useEffect(() => {
    if (signedIn && !user) void loadUser().catch(() => undefined);
  }, [signedIn, user]);
  useEffect(() => {
    if (!user) {
      notifications.stop();
      // Signed out: the guest cart kept in this browser. Signing in: the account's, once the user is known.
      if (session.get().tokens) cart.set(null);
      else void loadGuestCart().catch(() => undefined);
      return;
    }
    void notifications.start(user.id);
    void loadCart(user.id).catch(() => undefined);
  }, [user?.id]);
  useEffect(
    () =>
      announcements.subscribe((note) => {
        if (note) say(`Order #${note.order_id} is now ${note.to_status}.`);
      }),
    [],
  );

  // A new screen: start at its heading (keyboard and screen reader users land where the content is).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    requestAnimationFrame(() => (main.current?.querySelector("h1") ?? main.current)?.focus());
  }, [route.path]);

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        main.current?.focus();
      }}>
        Skip to content
      </a>
      <Header path={route.path} />
      {route.path !== "/verify-email" && <VerifyEmailBanner />}
      <main id="main" ref={main} tabIndex={-1}>
        <Screen path={route.path} query={route.query} />
      </main>
      <div class="toast" role="status" aria-live="polite">
        {message && <p key={message.id}>{message.text}</p>}
      </div>
      <footer class="site-footer">
        <a href="/docs">API reference</a> · <a href="/api/openapi.json">OpenAPI document</a>
      </footer>
    </>
  );
}

render(<App />, document.getElementById("app")!);

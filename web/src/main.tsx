// The storefront: Preact (about 5 KiB gzipped) for declarative screens that follow shared state (the
// session, the cart, live notifications) without hand-written DOM updates; everything else is
// the platform (hash routing, forms, fetch through the typed client, WebSocket).
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { cart, cartCount, loadCart } from "./cart";
import { live, notifications, announcements } from "./live";
import { href, navigate, useRoute } from "./router";
import { loadUser, logout, session } from "./session";
import { useStore } from "./store";
import { say, toast } from "./toast";
import { PageTitle } from "./ui";
import { AdminOrders, AdminProductForm, AdminProducts } from "./views/admin";
import { LoginView, RegisterView } from "./views/auth";
import { CartView } from "./views/cart";
import { Catalog, ProductDetail } from "./views/catalog";
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
        {tokens && (
          <>
            <a href="#/cart" aria-current={current("/cart")}>
              Cart{" "}
              <span class="count" aria-label={`${count} items`}>
                {count}
              </span>
            </a>
            <a href="#/orders" aria-current={current("/orders")}>
              Orders
            </a>
            <a href="#/notifications" aria-current={current("/notifications")}>
              Notifications{" "}
              <span class={`count${unread ? " count-hot" : ""}`} aria-label={`${unread} unread`} data-testid="unread-count">
                {unread}
              </span>
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

function Screen({ path, query }: { path: string; query: URLSearchParams }) {
  const { tokens, user } = useStore(session);
  const id = (pattern: RegExp) => Number(pattern.exec(path)?.[1]);
  const needsLogin = /^\/(cart|orders|notifications|admin)/.test(path);
  useEffect(() => {
    if (needsLogin && !tokens) navigate(href("/login", { next: `${path}${query.size ? `?${query}` : ""}` }), { replace: true });
  }, [needsLogin, tokens, path]);
  if (needsLogin && !tokens) return null;
  if (path.startsWith("/admin") && user && !user.is_admin) return <NotFound />;
  if (path === "/") return <Catalog query={query} />;
  if (/^\/products\/\d+$/.test(path)) return <ProductDetail id={id(/^\/products\/(\d+)$/)} />;
  if (path === "/login") return <LoginView query={query} />;
  if (path === "/register") return <RegisterView query={query} />;
  if (path === "/cart") return <CartView />;
  if (path === "/orders") return <OrderHistory />;
  if (/^\/orders\/\d+$/.test(path)) return <OrderDetail id={id(/^\/orders\/(\d+)$/)} />;
  if (path === "/notifications") return <NotificationsView />;
  if (path.startsWith("/admin") && !user) return null; // is_admin comes with the user, in a moment
  if (path === "/admin/products") return <AdminProducts query={query} />;
  if (path === "/admin/products/new") return <AdminProductForm />;
  if (/^\/admin\/products\/\d+$/.test(path)) return <AdminProductForm id={id(/^\/admin\/products\/(\d+)$/)} />;
  if (path === "/admin/orders") return <AdminOrders query={query} />;
  return <NotFound />;
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
      cart.set(null);
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

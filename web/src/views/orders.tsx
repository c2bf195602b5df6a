import { useEffect, useState } from "preact/hooks";
import { api, pathId, type Order } from "../api/client";
import { applyStatus, latestChange, notificationFeed } from "../live";
import { href } from "../router";
import { OrderSummary } from "./checkout/order-summary";
import { PayPanel } from "./checkout/pay-panel";
import { call } from "../session";
import { say } from "../toast";
import { ActionButton, formatDate, Loading, PageTitle, Price, ProblemAlert, StatusBadge, useAsync } from "../ui";

/** Orders shown on a screen follow the status changes the socket brings. */
export function useLiveOrders<T extends Pick<Order, "id" | "status">>(orders: T[], setOrders: (next: T[]) => void): void {
  useEffect(
    () =>
      notificationFeed.subscribe((note) => {
        if (!note || !orders.some((o) => o.id === note.order_id)) return;
        setOrders(orders.map((o) => (o.id === note.order_id ? { ...o, status: applyStatus(o.status, note) } : o)));
      }),
    [orders, setOrders],
  );
}

export function OrderHistory() {
  const [orders, setOrders] = useState<Order[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useAsync(() => call(() => api.GET("/api/orders", { params: { query: { page_size: "10" } } })), []);
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => {
    if (!first.data) return;
    setOrders(first.data.results.map((o) => ({ ...o, status: applyStatus(o.status, latestChange(o.id)) })));
    setCursor(first.data.next_cursor);
  }, [first.data]);
  useLiveOrders(orders, setOrders);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call(() => api.GET("/api/orders", { params: { query: { page_size: "10", cursor } } }));
      setOrders([...orders, ...page.results]);
      setCursor(page.next_cursor);
      setMoreError(null);
    } catch (error) {
      setMoreError(error);
    }
  };
  return (
    <section>
      <PageTitle title="Orders">Your orders</PageTitle>
      <ProblemAlert error={first.error} />
      {first.loading && !first.data ? (
        <Loading what="your orders" />
      ) : orders.length === 0 ? (
        <p>
          No orders yet. <a href="#/">Browse the products</a>.
        </p>
      ) : (
        <ul class="list" aria-label="Orders">
          {orders.map((order) => (
            <li key={order.id} class="card order-line">
              <a href={href(`/orders/${order.id}`)}>Order #{order.id}</a>
              <span class="muted">{formatDate(order.created_at)}</span>
              <span>
                {order.items.reduce((n, i) => n + i.quantity, 0)} items · <Price value={order.total} />
              </span>
              <span class="muted order-parts">
                {[
                  order.discount_total !== "0.00" ? `discount −${order.discount_total}` : null,
                  order.shipping_method ? `shipping ${order.shipping_total === "0.00" ? "free" : order.shipping_total}` : null,
                  `tax ${order.tax_total}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              <StatusBadge status={order.status} />
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={moreError} />
      {cursor && (
        <ActionButton class="button button-quiet more" onAction={loadMore}>
          More orders
        </ActionButton>
      )}
    </section>
  );
}

export function OrderDetail({ id, query }: { id: number; query: URLSearchParams }) {
  const loaded = useAsync(() => call(() => api.GET("/api/orders/{id}", { params: { path: { id: pathId(id) } } })), [id]);
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setOrder(loaded.data ? { ...loaded.data, status: applyStatus(loaded.data.status, latestChange(id)) } : null), [loaded.data]);
  useEffect(
    () =>
      notificationFeed.subscribe((note) => {
        if (!note || note.order_id !== id) return;
        setOrder((current) => {
          if (!current) return current;
          const status = applyStatus(current.status, note);
          return status === current.status ? current : { ...current, status, updated_at: note.created_at };
        });
        // The status shows at once; what came with it (payment, amounts, expiry) comes with the order.
        loaded.reload();
      }),
    [id],
  );
  const cancel = async () => {
    try {
      setOrder(await call(() => api.POST("/api/orders/{id}/cancel", { params: { path: { id: pathId(id) } } })));
      setError(null);
      say(`Order #${id} cancelled.`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <p>
        <a href="#/orders">← All orders</a>
      </p>
      <PageTitle title={`Order #${id}`}>Order #{id}</PageTitle>
      {!order ? (
        loaded.loading ? <Loading what="the order" /> : <ProblemAlert error={loaded.error} />
      ) : (
        <>
          <OrderSummary order={order} />
          <PayPanel
            order={order}
            declined={query.get("payment") === "cancelled"}
            pay={() => call(() => api.POST("/api/orders/{id}/payment", { params: { path: { id: pathId(id) } } }))}
          />
          {order.status === "pending" && (
            <ActionButton class="button button-quiet" onAction={cancel}>
              Cancel order
            </ActionButton>
          )}
          <ProblemAlert error={error} />
        </>
      )}
    </section>
  );
}

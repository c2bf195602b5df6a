import { useEffect, useState } from "preact/hooks";
import { api, type AdminOrder } from "../../api/client";
import { ORDER_STATUSES } from "../../../../src/shared/contract";
import { href } from "../../router";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, ProblemAlert, useAsync } from "../../ui";
import { AdminOrderRow } from "./order-row";

export function AdminOrders({ query }: { query: URLSearchParams }) {
  const raw = query.get("status");
  const status = ORDER_STATUSES.find((s) => s === raw);
  const [orders, setOrders] = useState<AdminOrder[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const first = useAsync(() => call(() => api.GET("/api/admin/orders", { params: { query: { page_size: "20", status } } })), [status]);
  useEffect(() => {
    if (!first.data) return;
    setOrders(first.data.results);
    setCursor(first.data.next_cursor);
  }, [first.data]);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call(() => api.GET("/api/admin/orders", { params: { query: { page_size: "20", status, cursor } } }));
      setOrders((current) => [...current, ...page.results]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <PageTitle title="Manage orders">Manage orders</PageTitle>
      <nav class="tabs" aria-label="Orders by status">
        {[undefined, ...ORDER_STATUSES].map((s) => (
          <a key={s ?? "all"} href={href("/admin/orders", { status: s })} aria-current={s === status ? "page" : undefined}>
            {s ? s[0]!.toUpperCase() + s.slice(1) : "All"}
          </a>
        ))}
      </nav>
      <ProblemAlert error={first.error ?? error} />
      {first.loading && orders.length === 0 ? (
        <Loading what="orders" />
      ) : orders.length === 0 ? (
        <p>No {status ?? ""} orders.</p>
      ) : (
        <ul class="list" aria-label="Orders">
          {orders.map((order) => (
            <AdminOrderRow key={order.id} order={order} onChanged={(next) => setOrders((current) => current.map((o) => (o.id === next.id ? next : o)))} />
          ))}
        </ul>
      )}
      {cursor && (
        <ActionButton class="button button-quiet more" onAction={loadMore}>
          More orders
        </ActionButton>
      )}
    </section>
  );
}

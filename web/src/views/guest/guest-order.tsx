import { useEffect } from "preact/hooks";
import { api, pathId } from "../../api/client";
import { call } from "../../session";
import { Loading, PageTitle, ProblemAlert, useAsync } from "../../ui";
import { OrderSummary } from "../checkout/order-summary";
import { PayPanel } from "../checkout/pay-panel";
import { guestToken } from "./guest-token";

/** A guest has no notification socket: while the order may still change by itself (paid, expired), look again this often. */
const POLL_MS = 5000;

/** A guest order, read with the access token this tab was given when it was placed. */
export function GuestOrderView({ id, query }: { id: number; query: URLSearchParams }) {
  const token = guestToken(id);
  const headers = { Authorization: `Bearer ${token}` };
  const loaded = useAsync(
    () => (token ? call(() => api.GET("/api/guest/orders/{id}", { params: { path: { id: pathId(id) } }, headers })) : Promise.resolve(null)),
    [id, token],
  );
  const order = loaded.data;
  const waiting = order?.status === "pending";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") loaded.reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);
  return (
    <section>
      <PageTitle title={`Order #${id}`}>Order #{id}</PageTitle>
      {!token ? (
        <p class="notice">
          This order can be opened only in the browser tab it was placed in. Its confirmation email has every detail; for another order, <a href="#/">browse the products</a>.
        </p>
      ) : !order ? (
        loaded.loading ? <Loading what="the order" /> : <ProblemAlert error={loaded.error} />
      ) : (
        <>
          <p class="muted">
            A guest order for {order.email}. Keep this tab open to pay for it or follow it here; the emails to {order.email} tell you every step.
          </p>
          <OrderSummary order={order} />
          <PayPanel
            order={order}
            declined={query.get("payment") === "cancelled"}
            pay={() => call(() => api.POST("/api/guest/orders/{id}/payment", { params: { path: { id: pathId(id) } }, headers }))}
          />
        </>
      )}
    </section>
  );
}

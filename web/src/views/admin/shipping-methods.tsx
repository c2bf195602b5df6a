import { api } from "../../api/client";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, ProblemAlert } from "../../ui";
import { usePagedList } from "./paged-list";
import { ShippingMethodForm } from "./shipping-method-form";
import { ShippingMethodRow } from "./shipping-method-row";

export function AdminShippingMethods() {
  const list = usePagedList(
    (cursor) => call(() => api.GET("/api/admin/shipping-methods", { params: { query: { page_size: "50", cursor } } })),
    [],
  );
  return (
    <section>
      <PageTitle title="Shipping methods">Shipping methods</PageTitle>
      <div class="admin-split">
        <div>
          <ProblemAlert error={list.error} />
          {list.loading ? (
            <Loading what="shipping methods" />
          ) : list.rows.length === 0 ? (
            <p>No shipping methods yet: orders ship nowhere until one ships to the customer's country.</p>
          ) : (
            <ul class="list" aria-label="Shipping methods">
              {list.rows.map((method) => (
                <ShippingMethodRow key={method.id} method={method} onSaved={list.replaced} onDeleted={list.removed} />
              ))}
            </ul>
          )}
          {list.more && (
            <ActionButton class="button button-quiet more" onAction={list.loadMore}>
              More shipping methods
            </ActionButton>
          )}
        </div>
        <div class="card">
          <h2>New shipping method</h2>
          <ShippingMethodForm onSaved={list.added} />
        </div>
      </div>
    </section>
  );
}

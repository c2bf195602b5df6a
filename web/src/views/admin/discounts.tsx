import { api } from "../../api/client";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, ProblemAlert } from "../../ui";
import { DiscountForm } from "./discount-form";
import { DiscountRow } from "./discount-row";
import { usePagedList } from "./paged-list";

export function AdminDiscounts() {
  const list = usePagedList((cursor) => call(() => api.GET("/api/admin/discounts", { params: { query: { page_size: "50", cursor } } })), []);
  return (
    <section>
      <PageTitle title="Discount codes">Discount codes</PageTitle>
      <div class="admin-split">
        <div>
          <ProblemAlert error={list.error} />
          {list.loading ? (
            <Loading what="discount codes" />
          ) : list.rows.length === 0 ? (
            <p>No discount codes yet.</p>
          ) : (
            <ul class="list" aria-label="Discount codes">
              {list.rows.map((discount) => (
                <DiscountRow key={discount.id} discount={discount} onSaved={list.replaced} onDeleted={list.removed} />
              ))}
            </ul>
          )}
          {list.more && (
            <ActionButton class="button button-quiet more" onAction={list.loadMore}>
              More discount codes
            </ActionButton>
          )}
        </div>
        <div class="card">
          <h2>New discount code</h2>
          <DiscountForm onSaved={list.added} />
        </div>
      </div>
    </section>
  );
}

import { api } from "../../api/client";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, ProblemAlert } from "../../ui";
import { usePagedList } from "./paged-list";
import { TaxRateForm } from "./tax-rate-form";
import { TaxRateRow } from "./tax-rate-row";

export function AdminTaxRates() {
  const list = usePagedList((cursor) => call(() => api.GET("/api/admin/tax-rates", { params: { query: { page_size: "50", cursor } } })), []);
  return (
    <section>
      <PageTitle title="Tax rates">Tax rates</PageTitle>
      <p class="muted">Prices are entered without tax; the most specific rate (region, else country) applies to the goods and the shipping of an order.</p>
      <div class="admin-split">
        <div>
          <ProblemAlert error={list.error} />
          {list.loading ? (
            <Loading what="tax rates" />
          ) : list.rows.length === 0 ? (
            <p>No tax rates yet: orders carry no tax.</p>
          ) : (
            <ul class="list" aria-label="Tax rates">
              {list.rows.map((rate) => (
                <TaxRateRow key={rate.id} rate={rate} onSaved={list.replaced} onDeleted={list.removed} />
              ))}
            </ul>
          )}
          {list.more && (
            <ActionButton class="button button-quiet more" onAction={list.loadMore}>
              More tax rates
            </ActionButton>
          )}
        </div>
        <div class="card">
          <h2>New tax rate</h2>
          <TaxRateForm onSaved={list.added} />
        </div>
      </div>
    </section>
  );
}

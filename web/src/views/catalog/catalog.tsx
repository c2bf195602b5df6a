import { useState } from "preact/hooks";
import { api, type Product } from "../../api/client";
import { readFilters } from "../../catalog";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, ProblemAlert, useAsync } from "../../ui";
import { FilterForm } from "./filter-form";
import { ProductCard } from "./product-card";

const PAGE_SIZE = "12";

export function Catalog({ query }: { query: URLSearchParams }) {
  const filters = readFilters(query);
  const key = JSON.stringify(filters);
  const [more, setMore] = useState<{ key: string; products: Product[]; cursor: string | null; error: unknown } | null>(null);
  const first = useAsync(
    () => call(() => api.GET("/api/products", { params: { query: { ...filters, page_size: PAGE_SIZE } } })),
    [key],
  );
  const extra = more?.key === key ? more : null;
  const products = [...(first.data?.results ?? []), ...(extra?.products ?? [])];
  const cursor = extra ? extra.cursor : (first.data?.next_cursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call(() => api.GET("/api/products", { params: { query: { ...filters, page_size: PAGE_SIZE, cursor } } }));
      setMore({ key, products: [...(extra?.products ?? []), ...page.results], cursor: page.next_cursor, error: null });
    } catch (error) {
      setMore({ key, products: extra?.products ?? [], cursor, error });
    }
  };
  const count = first.data?.count;
  return (
    <section>
      <PageTitle title="Products">Products</PageTitle>
      <FilterForm key={key} filters={filters} />
      <ProblemAlert error={first.error} />
      {first.loading && !first.data ? (
        <Loading what="products" />
      ) : (
        <>
          <p class="muted" role="status" aria-live="polite">
            {typeof count === "number" ? `${count} ${count === 1 ? "product" : "products"}` : `${products.length} products`}
            {typeof count === "number" && products.length < count ? `, showing ${products.length}` : ""}
          </p>
          {products.length === 0 && !first.loading ? (
            <p>No products match these filters.</p>
          ) : (
            <ul class="grid" aria-label="Products">
              {products.map((product) => (
                <ProductCard key={product.id} product={product} />
              ))}
            </ul>
          )}
          <ProblemAlert error={extra?.error} />
          {cursor && (
            <ActionButton class="button button-quiet more" onAction={loadMore}>
              More products
            </ActionButton>
          )}
        </>
      )}
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";
import { api, type Product } from "../../api/client";
import { href, navigate } from "../../router";
import { call } from "../../session";
import { ActionButton, Loading, PageTitle, Price, ProblemAlert, useAsync } from "../../ui";
import { StockAdjuster } from "./stock-adjuster";
import { NewCategory } from "./new-category";

export function AdminProducts({ query }: { query: URLSearchParams }) {
  const search = query.get("search")?.trim() || undefined;
  const [products, setProducts] = useState<Product[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const first = useAsync(() => call(() => api.GET("/api/products", { params: { query: { page_size: "20", ordering: "-created_at", search } } })), [search]);
  useEffect(() => {
    if (!first.data) return;
    setProducts(first.data.results);
    setCursor(first.data.next_cursor);
  }, [first.data]);
  const replace = (next: Product) => setProducts((current) => current.map((p) => (p.id === next.id ? next : p)));
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call(() => api.GET("/api/products", { params: { query: { page_size: "20", ordering: "-created_at", search, cursor } } }));
      setProducts((current) => [...current, ...page.results]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section>
      <PageTitle title="Manage products">Manage products</PageTitle>
      <p class="row">
        <a class="button button-primary" href="#/admin/products/new">
          New product
        </a>
      </p>
      <NewCategory />
      <form
        class="inline-form"
        role="search"
        aria-label="Search products"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href("/admin/products", { search: String(new FormData(event.currentTarget).get("search") ?? "").trim() }));
        }}
      >
        <div class="field field-wide">
          <label for="admin-search">Search by name</label>
          <input id="admin-search" name="search" type="search" defaultValue={search ?? ""} key={search ?? ""} maxLength={100} />
        </div>
        <button class="button" type="submit">
          Search
        </button>
      </form>
      <ProblemAlert error={first.error ?? error} />
      {first.loading && products.length === 0 ? (
        <Loading what="products" />
      ) : products.length === 0 ? (
        <p>No products{search ? ` match “${search}”` : " yet"}.</p>
      ) : (
        <ul class="list" aria-label="Products">
          {products.map((product) => (
            <li key={product.id} class="card admin-product">
              <div class="grow">
                <a href={href(`/admin/products/${product.id}`)}>{product.name}</a>
                <div class="muted">
                  {product.category.name} · {product.variants.length > 1 && "from "}
                  <Price value={product.price} /> · <span>{product.stock} in stock</span>
                  {product.variants.length > 1 && ` · ${product.variants.length} variants`}
                </div>
              </div>
              {/* Several variants: each has its own stock, changed on the product's page. */}
              {product.variants.length === 1 && <StockAdjuster product={product} onChanged={replace} />}
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <ActionButton class="button button-quiet more" onAction={loadMore}>
          More products
        </ActionButton>
      )}
    </section>
  );
}

import { useState } from "preact/hooks";
import { api, pathId, type Product } from "../api/client";
import { addToCart } from "../cart";
import { allCategories, ORDERINGS, readFilters, type ProductFilters } from "../catalog";
import { href, navigate } from "../router";
import { call } from "../session";
import { say } from "../toast";
import { ActionButton, Loading, PageTitle, Price, ProblemAlert, useAsync } from "../ui";

const PAGE_SIZE = "12";
const PRICE_PATTERN = "\\d{1,10}(\\.\\d{1,2})?";

/** Signed in or not: a visitor's cart is kept in the browser until they check out as a guest or sign in. */
async function addOne(product: Product, quantity = 1): Promise<void> {
  await addToCart({ product_id: product.id, quantity });
  say(`Added ${quantity} × ${product.name} to the cart.`);
}

function StockNote({ product }: { product: Product }) {
  if (!product.in_stock) return <span class="stock stock-out">Out of stock</span>;
  return <span class="stock">{product.stock < 10 ? `Only ${product.stock} left` : "In stock"}</span>;
}

function ProductCard({ product }: { product: Product }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <li class="card product-card">
      <a class="product-name" href={href(`/products/${product.id}`)}>
        {product.name}
      </a>
      <span class="muted">{product.category.name}</span>
      <span class="row">
        <Price value={product.price} />
        <StockNote product={product} />
      </span>
      <ActionButton
        class="button"
        label={`Add ${product.name} to cart`}
        disabled={!product.in_stock}
        onAction={() => addOne(product).then(() => setError(null), setError)}
      >
        Add to cart
      </ActionButton>
      <ProblemAlert error={error} />
    </li>
  );
}

function FilterForm({ filters }: { filters: ProductFilters }) {
  const categories = useAsync(allCategories, []);
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const value = (key: string) => String(data.get(key) ?? "").trim() || undefined;
    navigate(
      href("/", {
        search: value("search"),
        category: value("category"),
        min_price: value("min_price"),
        max_price: value("max_price"),
        in_stock: data.get("in_stock") ? "true" : undefined,
        ordering: value("ordering"),
      }),
    );
  };
  const applyNow = (event: Event) => (event.currentTarget as HTMLInputElement).form?.requestSubmit();
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter products"
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      <div class="field field-wide">
        <label for="f-search">Search</label>
        <input id="f-search" name="search" type="search" defaultValue={filters.search ?? ""} placeholder="Name contains…" maxLength={100} />
      </div>
      <div class="field">
        <label for="f-category">Category</label>
        <select id="f-category" name="category" onChange={applyNow} disabled={!categories.data}>
          <option value="">All categories</option>
          {categories.data?.map((c) => (
            <option key={c.id} value={String(c.id)} selected={filters.category === String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-min">Min price</label>
        <input id="f-min" name="min_price" inputMode="decimal" pattern={PRICE_PATTERN} title="A price such as 10 or 9.99" defaultValue={filters.min_price ?? ""} size={7} />
      </div>
      <div class="field">
        <label for="f-max">Max price</label>
        <input id="f-max" name="max_price" inputMode="decimal" pattern={PRICE_PATTERN} title="A price such as 25 or 24.50" defaultValue={filters.max_price ?? ""} size={7} />
      </div>
      <div class="field">
        <label for="f-ordering">Sort by</label>
        <select id="f-ordering" name="ordering" onChange={applyNow}>
          {ORDERINGS.map(([value, label]) => (
            <option key={value} value={value} selected={(filters.ordering ?? "") === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-check">
        <input id="f-stock" name="in_stock" type="checkbox" value="true" defaultChecked={filters.in_stock === "true"} onChange={applyNow} />
        <label for="f-stock">In stock only</label>
      </div>
      <div class="field field-actions">
        <button class="button" type="submit">
          Apply filters
        </button>
        <a class="button button-quiet" href="#/">
          Clear
        </a>
      </div>
    </form>
  );
}

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

export function ProductDetail({ id }: { id: number }) {
  const product = useAsync(() => call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } })), [id]);
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const p = product.data;
  return (
    <section>
      <p>
        <a href="#/">← All products</a>
      </p>
      <PageTitle title={p?.name ?? "Product"}>{p?.name ?? "Product"}</PageTitle>
      {!p ? (
        product.loading ? (
          <Loading what="the product" />
        ) : (
          <ProblemAlert error={product.error} />
        )
      ) : (
        <article class="product-detail">
          <p class="muted">
            <a href={href("/", { category: String(p.category.id) })}>{p.category.name}</a>
          </p>
          <p class="big">
            <Price value={p.price} /> <StockNote product={p} />
          </p>
          {p.description && <p class="description">{p.description}</p>}
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void addOne(p, quantity).then(() => setError(null), setError);
            }}
          >
            <div class="field">
              <label for="qty">Quantity</label>
              <input
                id="qty"
                type="number"
                min={1}
                max={Math.max(1, p.stock)}
                value={quantity}
                onInput={(event) => setQuantity(Math.max(1, Number((event.currentTarget as HTMLInputElement).value) || 1))}
                disabled={!p.in_stock}
              />
            </div>
            <button class="button" type="submit" disabled={!p.in_stock}>
              Add to cart
            </button>
          </form>
          <ProblemAlert error={error} />
        </article>
      )}
    </section>
  );
}

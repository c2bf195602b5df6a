import { useEffect, useState } from "preact/hooks";
import { api, pathId, type AdminOrder, type Category, type OrderStatus, type Product } from "../api/client";
import { allCategories, forgetCategories } from "../catalog";
import { href, navigate } from "../router";
import { call } from "../session";
import { say } from "../toast";
import { ActionButton, formatDate, Loading, PageTitle, Price, ProblemAlert, StatusBadge, useAsync, useFormAction } from "../ui";

const PRICE_PATTERN = "\\d{1,10}(\\.\\d{1,2})?";

/** Adds or removes stock atomically (`{ delta }`): two admins adjusting at once both count. */
function StockAdjuster({ product, onChanged }: { product: Product; onChanged(next: Product): void }) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const delta = Number(new FormData(form).get("delta"));
    if (!Number.isInteger(delta) || delta === 0) return;
    const next = await call(() => api.POST("/api/products/{id}/stock", { params: { path: { id: pathId(product.id) } }, body: { delta } }));
    onChanged(next);
    form.reset();
    say(`${next.name}: stock is now ${next.stock}.`);
  });
  const inputId = `stock-${product.id}`;
  return (
    <form class="inline-form" onSubmit={onSubmit}>
      <div class="field field-qty">
        <label for={inputId}>
          Stock change<span class="visually-hidden"> for {product.name}</span>
        </label>
        <input id={inputId} name="delta" type="number" step={1} required placeholder="+5 or -2" />
      </div>
      <button class="button button-quiet" type="submit" disabled={busy}>
        Apply<span class="visually-hidden"> stock change to {product.name}</span>
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}

function NewCategory() {
  const [error, setError] = useState<unknown>(null);
  return (
    <details class="card">
      <summary>New category</summary>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          try {
            const category = await call(() =>
              api.POST("/api/categories", { body: { name: String(data.get("name")).trim(), description: String(data.get("description") ?? "").trim() } }),
            );
            forgetCategories();
            form.reset();
            setError(null);
            say(`Category ${category.name} created.`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        <div class="field">
          <label for="cat-name">Name</label>
          <input id="cat-name" name="name" required maxLength={100} />
        </div>
        <div class="field">
          <label for="cat-description">Description</label>
          <input id="cat-description" name="description" maxLength={2000} />
        </div>
        <ProblemAlert error={error} />
        <button class="button" type="submit">
          Create category
        </button>
      </form>
    </details>
  );
}

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
        <a href="#/admin/orders">Orders →</a>
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
                  {product.category.name} · <Price value={product.price} /> · <span>{product.stock} in stock</span>
                </div>
              </div>
              <StockAdjuster product={product} onChanged={replace} />
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

type ProductEdit = { name?: string; description?: string; price?: string; category_id?: number };

/** The fields of an edit that differ from the product as loaded: a PATCH sends only those. */
function changedFields(fields: Required<ProductEdit>, product: Product): ProductEdit {
  const changed: ProductEdit = {};
  if (fields.name !== product.name) changed.name = fields.name;
  if (fields.description !== product.description) changed.description = fields.description;
  if (fields.price !== product.price) changed.price = fields.price;
  if (fields.category_id !== product.category.id) changed.category_id = fields.category_id;
  return changed;
}

/** The product form's inputs; stock only when creating (an edit adjusts it separately). */
function ProductFields({ product, categories, creating }: { product: Product | null; categories: Category[]; creating: boolean }) {
  return (
    <>
      <div class="field">
        <label for="p-name">Name</label>
        <input id="p-name" name="name" required maxLength={200} defaultValue={product?.name ?? ""} />
      </div>
      <div class="field">
        <label for="p-description">Description</label>
        <textarea id="p-description" name="description" rows={3} maxLength={5000} defaultValue={product?.description ?? ""} />
      </div>
      <div class="field">
        <label for="p-price">Price</label>
        <input id="p-price" name="price" inputMode="decimal" required pattern={PRICE_PATTERN} title="A price such as 12 or 12.50" defaultValue={product?.price ?? ""} />
      </div>
      {creating && (
        <div class="field">
          <label for="p-stock">Stock</label>
          <input id="p-stock" name="stock" type="number" min={0} step={1} defaultValue="0" required />
        </div>
      )}
      <div class="field">
        <label for="p-category">Category</label>
        <select id="p-category" name="category_id" required>
          {creating && <option value="">Choose a category</option>}
          {categories.map((c) => (
            <option key={c.id} value={String(c.id)} selected={product?.category.id === c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Create (id undefined) or edit a product; an edit sends only the fields that changed. */
export function AdminProductForm({ id }: { id?: number }) {
  const categories = useAsync(allCategories, []);
  const existing = useAsync(async () => (id === undefined ? null : call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } }))), [id]);
  const [product, setProduct] = useState<Product | null>(null);
  useEffect(() => setProduct(existing.data ?? null), [existing.data]);
  const title = id === undefined ? "New product" : product ? `Edit ${product.name}` : "Edit product";
  const ready = categories.data && (id === undefined || product);

  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const fields = { name: text("name"), description: text("description"), price: text("price"), category_id: Number(text("category_id")) };
    if (id === undefined) {
      const created = await call(() => api.POST("/api/products", { body: { ...fields, stock: Number(text("stock") || "0") } }));
      say(`${created.name} created.`);
      navigate(href(`/admin/products/${created.id}`));
    } else if (product) {
      const changed = changedFields(fields, product);
      if (Object.keys(changed).length === 0) {
        say("Nothing changed.");
      } else {
        const saved = await call(() => api.PATCH("/api/products/{id}", { params: { path: { id: pathId(id) } }, body: changed }));
        setProduct(saved);
        say(`${saved.name} saved.`);
      }
    }
  });

  return (
    <section class="narrow">
      <p>
        <a href="#/admin/products">← Manage products</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={categories.error ?? existing.error} />
      {!ready ? (
        <Loading what="the form" />
      ) : (
        <>
          <form
            class="stack"
            key={product?.updated_at ?? "new"}
            onSubmit={onSubmit}
          >
            <ProductFields product={product} categories={categories.data!} creating={id === undefined} />
            <ProblemAlert error={error} />
            <button class="button button-primary" type="submit" disabled={busy}>
              {id === undefined ? "Create product" : "Save changes"}
            </button>
          </form>
          {product && (
            <div class="card">
              <h2>Stock</h2>
              <p>
                <span>{product.stock}</span> in stock
              </p>
              <StockAdjuster product={product} onChanged={setProduct} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

const STATUSES: OrderStatus[] = ["pending", "paid", "shipped", "delivered", "cancelled"];
const NEXT_STEPS: Record<OrderStatus, { to: OrderStatus; label: string }[]> = {
  pending: [
    { to: "paid", label: "Mark paid" },
    { to: "cancelled", label: "Cancel" },
  ],
  paid: [
    { to: "shipped", label: "Mark shipped" },
    { to: "cancelled", label: "Cancel and refund" },
  ],
  shipped: [{ to: "delivered", label: "Mark delivered" }],
  delivered: [],
  cancelled: [],
};

function AdminOrderRow({ order, onChanged }: { order: AdminOrder; onChanged(next: AdminOrder): void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <li class="card admin-order" data-order-id={order.id}>
      <div class="grow">
        <strong>Order #{order.id}</strong> <StatusBadge status={order.status} />
        <div class="muted">
          User #{order.user_id} · {formatDate(order.created_at)} · <Price value={order.total} />
        </div>
        <div class="muted">{order.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}</div>
      </div>
      <div class="row">
        {NEXT_STEPS[order.status].map((step) => (
          <ActionButton
            key={step.to}
            class={step.to === "cancelled" ? "button button-quiet" : "button"}
            label={`${step.label}: order ${order.id}`}
            onAction={async () => {
              try {
                const next = await call(() => api.PATCH("/api/admin/orders/{id}", { params: { path: { id: pathId(order.id) } }, body: { status: step.to } }));
                onChanged(next);
                setError(null);
                say(`Order #${order.id} is now ${next.status}.`);
              } catch (e) {
                setError(e);
              }
            }}
          >
            {step.label}
          </ActionButton>
        ))}
      </div>
      <ProblemAlert error={error} />
    </li>
  );
}

export function AdminOrders({ query }: { query: URLSearchParams }) {
  const raw = query.get("status");
  const status = STATUSES.find((s) => s === raw);
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
        {[undefined, ...STATUSES].map((s) => (
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

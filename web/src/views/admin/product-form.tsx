import { useEffect, useState } from "preact/hooks";
import { api, pathId, type Product } from "../../api/client";
import { allCategories } from "../../catalog";
import { href, navigate } from "../../router";
import { call } from "../../session";
import { say } from "../../toast";
import { Loading, PageTitle, ProblemAlert, useAsync, useFormAction } from "../../ui";
import { ImagesEditor } from "./images-editor";
import { OptionsEditor } from "./options-editor";
import { ProductFields } from "./product-fields";
import { StockAdjuster } from "./stock-adjuster";
import { VariantsEditor } from "./variants-editor";

type ProductEdit = { name?: string; description?: string; price?: string; category_id?: number };

/** The fields of an edit that differ from the product as loaded: a PATCH sends only those. */
function changedFields(fields: ProductEdit & { name: string; description: string; category_id: number }, product: Product): ProductEdit {
  const changed: ProductEdit = {};
  if (fields.name !== product.name) changed.name = fields.name;
  if (fields.description !== product.description) changed.description = fields.description;
  if (fields.price !== undefined && fields.price !== product.price) changed.price = fields.price;
  if (fields.category_id !== product.category.id) changed.category_id = fields.category_id;
  return changed;
}

/**
 * Create (id undefined) or edit a product; an edit sends only the fields that changed. Editing also
 * shows its options, variants and images, each saved on its own (one request per change).
 */
export function AdminProductForm({ id }: { id?: number }) {
  const categories = useAsync(allCategories, []);
  const existing = useAsync(async () => (id === undefined ? null : call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } }))), [id]);
  const [product, setProduct] = useState<Product | null>(null);
  useEffect(() => setProduct(existing.data ?? null), [existing.data]);
  const title = id === undefined ? "New product" : product ? `Edit ${product.name}` : "Edit product";
  const ready = categories.data && (id === undefined || product);
  /** Reads the product again after a change to its variants or images (those answers carry only the part). */
  const reload = async () => {
    if (id === undefined) return;
    setProduct(await call(() => api.GET("/api/products/{id}", { params: { path: { id: pathId(id) } } })));
  };

  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const text = (key: string) => String(data.get(key) ?? "").trim();
    const fields = {
      name: text("name"),
      description: text("description"),
      ...(data.has("price") ? { price: text("price") } : {}),
      category_id: Number(text("category_id")),
    };
    if (id === undefined) {
      const created = await call(() =>
        api.POST("/api/products", { body: { ...fields, stock: Number(text("stock") || "0"), ...(text("sku") ? { sku: text("sku") } : {}) } }),
      );
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
    <section class="product-editor">
      <p>
        <a href="#/admin/products">← Manage products</a>
      </p>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={categories.error ?? existing.error} />
      {!ready ? (
        <Loading what="the form" />
      ) : (
        <>
          <form class="stack narrow" key={product?.updated_at ?? "new"} onSubmit={onSubmit}>
            <ProductFields product={product} categories={categories.data!} creating={id === undefined} />
            <ProblemAlert error={error} />
            <button class="button button-primary" type="submit" disabled={busy}>
              {id === undefined ? "Create product" : "Save changes"}
            </button>
          </form>
          {product && product.variants.length === 1 && (
            <div class="card narrow">
              <h2>Stock</h2>
              <p>
                <span>{product.stock}</span> in stock
              </p>
              <StockAdjuster product={product} onChanged={setProduct} />
            </div>
          )}
          {product && (
            <>
              <OptionsEditor product={product} onChanged={setProduct} />
              <VariantsEditor product={product} onChanged={reload} />
              <ImagesEditor product={product} onChanged={reload} />
            </>
          )}
        </>
      )}
    </section>
  );
}

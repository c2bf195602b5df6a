import { allCategories, ORDERINGS, type ProductFilters } from "../../catalog";
import { href, navigate } from "../../router";
import { useAsync } from "../../ui";

const PRICE_PATTERN = "\\d{1,10}(\\.\\d{1,2})?";

/** The list's filters; applying them changes the address (#/?search=…), which the list follows. */
export function FilterForm({ filters }: { filters: ProductFilters }) {
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

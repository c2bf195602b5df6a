import { api, type Category, type Product } from "./api/client";
import { call } from "./session";

let categories: Promise<Category[]> | null = null;

/** Every category, for filters and forms (pages of 100, following the cursor). */
export function allCategories(): Promise<Category[]> {
  categories ??= (async () => {
    const all: Category[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(() => api.GET("/api/categories", { params: { query: { page_size: "100", cursor } } }));
      all.push(...page.results);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return all;
  })().catch((error: unknown) => {
    categories = null;
    throw error;
  });
  return categories;
}

export function forgetCategories(): void {
  categories = null;
}

export const ORDERINGS = [
  ["", "Featured"],
  ["name", "Name, A to Z"],
  ["-name", "Name, Z to A"],
  ["price", "Price, low to high"],
  ["-price", "Price, high to low"],
  ["-created_at", "Newest first"],
  ["created_at", "Oldest first"],
] as const;

export type Ordering = Exclude<(typeof ORDERINGS)[number][0], "">;

export interface ProductFilters {
  search?: string;
  category?: string;
  min_price?: string;
  max_price?: string;
  in_stock?: "true";
  ordering?: Ordering;
}

const ORDERING_VALUES = new Set<string>(ORDERINGS.map(([value]) => value).filter(Boolean));

/** The filters in the address (#/?search=…), keeping only values the API documents. */
export function readFilters(query: URLSearchParams): ProductFilters {
  const text = (key: string) => query.get(key)?.trim() || undefined;
  const ordering = text("ordering");
  return {
    search: text("search"),
    category: text("category")?.match(/^\d+$/) ? text("category") : undefined,
    min_price: text("min_price"),
    max_price: text("max_price"),
    in_stock: query.get("in_stock") === "true" ? "true" : undefined,
    ordering: ordering && ORDERING_VALUES.has(ordering) ? (ordering as Ordering) : undefined,
  };
}

// Pictures, as the product pages show them (choosing a variant: ./variant-choice.ts).

export type Variant = Product["variants"][number];
export type ProductImage = Product["images"][number];

/** The variant's own picture, else the product's first. */
export function imageOf(product: Product, variant: Pick<Variant, "image_id"> | undefined): ProductImage | undefined {
  return product.images.find((image) => image.id === variant?.image_id) ?? product.images[0];
}

/** A cart line's picture: its variant's, else the product's first. */
export function lineImage(product: Product, variantId: number): ProductImage | undefined {
  return imageOf(product, product.variants.find((v) => v.id === variantId));
}

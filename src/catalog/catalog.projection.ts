import { isNull, sql } from "drizzle-orm";
import { categories, products, type ProductOption } from "../db/schema";
import type { ProductResponse, VariantResponse } from "./catalog.schemas";
import type { StockMarks } from "./stock-cache";

/** A product the catalog shows: not soft-deleted. The one spelling of it. */
export const liveProduct = isNull(products.deletedAt);

/** A variant as the product's subselect returns it (price as text: money never passes through a float). */
export interface VariantJson {
  id: number;
  sku: string;
  options: Record<string, string>;
  price: string;
  stock: number;
  /** Counts the changes of `stock` (see stock-cache.ts); not part of the API's answer. */
  stock_version: number;
  image_id: number | null;
}

/** An image as the product's subselect returns it: `url` without an origin (see toProductResponse). */
export interface ImageJson {
  id: number;
  url: string;
  width: number;
  height: number;
  alt: string;
  position: number;
}

/** The JSON of one variant, built in SQL (shared by the product's subselect and the variant writes). */
export const variantJsonText = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'sku', ${alias}.sku, 'options', ${alias}.options, 'price', ${alias}.price::text, 'stock', ${alias}.stock, 'stock_version', ${alias}.stock_version, 'image_id', ${alias}.image_id)`;
export const variantJson = (alias: string) => sql.raw(variantJsonText(alias));

/**
 * A product with its category, live variants and images, selected in the same query (correlated
 * subselects read only the product's own rows through variants_product_id_idx and
 * product_images_product_idx): never one query per row.
 */
export const productWithCategory = {
  id: products.id,
  name: products.name,
  description: products.description,
  price: products.price,
  stock: products.stock,
  stockVersion: products.stockVersion,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  categoryId: categories.id,
  categoryName: categories.name,
  options: products.options,
  variants: sql<VariantJson[]>`(select coalesce(json_agg(${variantJson("v")} order by v.position, v.id), '[]'::json) from variants v where v.product_id = ${products.id} and v.deleted_at is null)`,
  images: sql<ImageJson[]>`(select coalesce(json_agg(json_build_object('id', i.id, 'url', '/images/' || i.key, 'width', i.width, 'height', i.height, 'alt', i.alt, 'position', i.position) order by i.position, i.id), '[]'::json) from product_images i where i.product_id = ${products.id})`,
};

export interface ProductWithCategoryRow {
  id: number;
  name: string;
  description: string;
  price: string;
  stock: number;
  stockVersion: number;
  createdAt: Date;
  updatedAt: Date;
  categoryId: number;
  categoryName: string;
  options: ProductOption[];
  variants: VariantJson[];
  images: ImageJson[];
}

/** `stock` and `in_stock` as numbers, or as marks for the cache to fill (see stock-cache.ts). */
function stockOf(kind: "p" | "v", id: number, stockVersion: number, stock: number, marks?: StockMarks): { stock: number; in_stock: boolean } {
  return marks ? marks.mark(kind, id, stockVersion, stock) : { stock, in_stock: stock > 0 };
}

export function toVariantResponse(v: VariantJson, marks?: StockMarks): VariantResponse {
  return { id: v.id, sku: v.sku, options: v.options, price: v.price, ...stockOf("v", v.id, v.stock_version, v.stock, marks), image_id: v.image_id };
}

/**
 * `origin` prefixes image URLs. Cached catalog bodies are stored without it (the cache adds the
 * origin of each request on the way out: withOrigin in src/lib/list-read.ts); answers built per
 * request pass it.
 * With `marks`, stock is left as marks that the cache fills from its stock cells.
 */
export function toProductResponse(row: ProductWithCategoryRow, origin = "", marks?: StockMarks): ProductResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    ...stockOf("p", row.id, row.stockVersion, row.stock, marks),
    category: { id: row.categoryId, name: row.categoryName },
    options: row.options,
    variants: row.variants.map((v) => toVariantResponse(v, marks)),
    images: row.images.map((i) => ({ id: i.id, url: `${origin}${i.url}`, width: i.width, height: i.height, alt: i.alt, position: i.position })),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

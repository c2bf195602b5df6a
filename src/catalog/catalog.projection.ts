import { isNull } from "drizzle-orm";
import { categories, products } from "../db/schema";
import type { ProductResponse } from "./catalog.schemas";

/** A product the catalog shows: not soft-deleted. The one spelling of it. */
export const liveProduct = isNull(products.deletedAt);

/** A product with its category's id and name, selected in the same joined query (never one query per row). */
export const productWithCategory = {
  id: products.id,
  name: products.name,
  description: products.description,
  price: products.price,
  stock: products.stock,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  categoryId: categories.id,
  categoryName: categories.name,
};

export interface ProductWithCategoryRow {
  id: number;
  name: string;
  description: string;
  price: string;
  stock: number;
  createdAt: Date;
  updatedAt: Date;
  categoryId: number;
  categoryName: string;
}

export function toProductResponse(row: ProductWithCategoryRow): ProductResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    stock: row.stock,
    in_stock: row.stock > 0,
    category: { id: row.categoryId, name: row.categoryName },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

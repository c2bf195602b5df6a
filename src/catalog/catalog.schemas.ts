import { z } from "@hono/zod-openapi";
import { MoneyOutput } from "../lib/money";

export const CategoryRefSchema = z.object({ id: z.number().int(), name: z.string() }).openapi("CategoryRef");

export const ProductSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    price: MoneyOutput,
    stock: z.number().int(),
    in_stock: z.boolean(),
    category: CategoryRefSchema,
    created_at: z.string().openapi({ format: "date-time" }),
    updated_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Product");

export type ProductResponse = z.infer<typeof ProductSchema>;

/** A product row joined with its category's id and name (one query, no query per row). */
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

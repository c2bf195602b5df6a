import { z } from "@hono/zod-openapi";
import { MAX_ID } from "../lib/ids";
import { MoneyInput, MoneyOutput, moneyToCents } from "../lib/money";
import { IdOutput, INT32, textOutput, TimestampOutput } from "../lib/openapi-bounds";
import { PageQuery, pageListSchema, positiveIntParam } from "../lib/pagination";

/** The most units of one product the catalog holds: far below int4, so no sum of stock overflows. */
export const MAX_STOCK = 1_000_000_000;

export const CategoryRefSchema = z.object({ id: IdOutput, name: textOutput(100) }).openapi("CategoryRef");

export const ProductSchema = z
  .object({
    id: IdOutput,
    name: textOutput(200),
    description: textOutput(5000),
    price: MoneyOutput,
    stock: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_STOCK }),
    in_stock: z.boolean(),
    category: CategoryRefSchema,
    created_at: TimestampOutput,
    updated_at: TimestampOutput,
  })
  .openapi("Product");

export type ProductResponse = z.infer<typeof ProductSchema>;

// ── categories ───────────────────────────────────────────────────────────────

export const CategorySchema = z
  .object({
    id: IdOutput,
    name: textOutput(100),
    description: textOutput(2000),
    created_at: TimestampOutput,
    updated_at: TimestampOutput,
  })
  .openapi("Category");

export type CategoryResponse = z.infer<typeof CategorySchema>;

const categoryName = z.string().trim().min(1, "Must not be empty.").max(100, "Must be at most 100 characters.");
const categoryDescription = z.string().trim().max(2000, "Must be at most 2000 characters.");

export const CreateCategorySchema = z
  .strictObject({ name: categoryName, description: categoryDescription.optional() })
  .openapi("CreateCategoryRequest");

export const UpdateCategorySchema = z
  .strictObject({ name: categoryName.optional(), description: categoryDescription.optional() })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateCategoryRequest");

export const CategoryPageSchema = pageListSchema(CategorySchema, "CategoryPage");
export const CategoryListQuery = PageQuery;
export const CATEGORY_LIST_PARAMS = [] as const;

// ── products ────────────────────────────────────────────────────────────────
const productName = z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters.");
const productDescription = z.string().trim().max(5000, "Must be at most 5000 characters.");
const stockValue = z.number().int("Must be a whole number.").min(0, "Must not be negative.").max(MAX_STOCK, "Must be at most 1,000,000,000.").openapi(INT32);
const categoryId = z.number().int("Must be a category id.").positive("Must be a category id.").max(MAX_ID, "Must be a category id.").openapi(INT32);

export const CreateProductSchema = z
  .strictObject({
    name: productName,
    description: productDescription.optional(),
    price: MoneyInput,
    stock: stockValue.optional(),
    category_id: categoryId,
  })
  .openapi("CreateProductRequest");

export const UpdateProductSchema = z
  .strictObject({
    name: productName.optional(),
    description: productDescription.optional(),
    price: MoneyInput.optional(),
    stock: stockValue.optional(),
    category_id: categoryId.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateProductRequest");

export const StockChangeSchema = z
  .union([
    z.strictObject({ delta: z.number().int("Must be a whole number.").min(-MAX_STOCK).max(MAX_STOCK).refine((d) => d !== 0, "Must not be 0.").openapi(INT32) }),
    z.strictObject({ stock: stockValue }),
  ])
  .openapi("StockChangeRequest", { description: "Either `{ delta }` (added atomically; negative removes) or `{ stock }` (set)." });

export const ORDERINGS = ["price", "-price", "name", "-name", "created_at", "-created_at", "id", "-id"] as const;
export type Ordering = (typeof ORDERINGS)[number];

export const ProductListQuery = PageQuery.extend({
  category: positiveIntParam("Category id.").optional(),
  min_price: MoneyInput.optional().openapi({ type: "string", maxLength: 32, description: "Inclusive lower bound." }),
  max_price: MoneyInput.optional().openapi({ type: "string", maxLength: 32, description: "Inclusive upper bound." }),
  in_stock: z.enum(["true", "false"], { message: "Must be true or false." }).optional(),
  search: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Must not be empty.")
    .max(100, "Must be at most 100 characters.")
    .optional()
    .openapi({ description: "Case-insensitive match on the name: anywhere in it for 3 or more characters, at its start for 1 or 2 (a shorter term has no trigram for the search index)." }),
  ordering: z.enum(ORDERINGS, { message: `Must be one of ${ORDERINGS.join(", ")}.` }).optional(),
}).superRefine((q, ctx) => {
  if (q.min_price !== undefined && q.max_price !== undefined && moneyToCents(q.min_price) > moneyToCents(q.max_price)) {
    ctx.addIssue({ code: "custom", path: ["min_price"], message: "Must not be greater than max_price." });
  }
});

export type ProductFilters = z.infer<typeof ProductListQuery>;
/** The list's own parameters in canonical order (cache keys and links are built from them). */
export const PRODUCT_LIST_PARAMS = ["category", "min_price", "max_price", "in_stock", "search", "ordering"] as const;
export const ProductPageSchema = pageListSchema(ProductSchema, "ProductPage");

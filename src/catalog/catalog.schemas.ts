import { z } from "@hono/zod-openapi";
import { MAX_ID } from "../lib/ids";
import { MoneyInput, MoneyOutput, moneyToCents } from "../lib/money";
import { IdOutput, INT32, INT64, textOutput, TimestampOutput, UrlOutput } from "../lib/openapi-bounds";
import { PageQuery, pageListSchema, positiveIntParam } from "../lib/pagination";
import { variantListProblems } from "./variant-options";

/** The most units of one product the catalog holds: far below int4, so no sum of stock overflows. */
export const MAX_STOCK = 1_000_000_000;

export const CategoryRefSchema = z.object({ id: IdOutput, name: textOutput(100) }).openapi("CategoryRef");

/** A product's options, its variants and its images: limits the catalog holds to. */
export const MAX_OPTIONS = 3;
export const MAX_VARIANTS = 100;
export const MAX_OPTION_VALUES = 100;
/** The most images one product shows: the image upload route must refuse more (round 3, images). */
export const MAX_IMAGES = 100;

export const ProductOptionSchema = z
  .object({ name: textOutput(50), values: z.array(textOutput(100)).openapi({ maxItems: MAX_OPTION_VALUES }) })
  .openapi("ProductOption");

export const VariantSchema = z
  .object({
    id: IdOutput,
    sku: textOutput(100),
    options: z.record(z.string(), textOutput(100)).openapi({ description: "One value for each of the product's options, e.g. `{ \"Size\": \"M\" }`; `{}` for a product without options." }),
    price: MoneyOutput,
    stock: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_STOCK }),
    in_stock: z.boolean(),
    image_id: IdOutput.nullable(),
  })
  .openapi("Variant");

export type VariantResponse = z.infer<typeof VariantSchema>;

export const VariantDetailSchema = VariantSchema.extend({ product_id: IdOutput }).openapi("VariantDetail");
export type VariantDetailResponse = z.infer<typeof VariantDetailSchema>;

export const ProductImageSchema = z
  .object({
    id: IdOutput,
    url: UrlOutput.openapi({ description: "Full URL of the image bytes (`/images/{key}`, immutable)." }),
    // int4 columns; the upload decides the real sizes.
    width: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_ID }),
    height: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_ID }),
    alt: textOutput(1000),
    position: z.number().int().openapi({ ...INT32, minimum: -MAX_ID - 1, maximum: MAX_ID }),
  })
  .openapi("ProductImage");

export const ProductSchema = z
  .object({
    id: IdOutput,
    name: textOutput(200),
    description: textOutput(5000),
    price: MoneyOutput.openapi({ description: "The lowest price of its variants." }),
    stock: z.number().int().openapi({ ...INT64, minimum: 0, maximum: MAX_STOCK * MAX_VARIANTS, description: "The sum of its variants' stock." }),
    in_stock: z.boolean(),
    category: CategoryRefSchema,
    options: z.array(ProductOptionSchema).openapi({ maxItems: MAX_OPTIONS, description: `At most ${MAX_OPTIONS}; empty for a product with one plain variant.` }),
    variants: z.array(VariantSchema).openapi({ maxItems: MAX_VARIANTS, description: "Ordered by position, then id. A product without options has one variant whose id is the product's." }),
    images: z.array(ProductImageSchema).openapi({ maxItems: MAX_IMAGES, description: "Ordered by position, then id." }),
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

const optionName = z
  .string()
  .trim()
  .min(1, "Must not be empty.")
  .max(50, "Must be at most 50 characters.")
  .refine((name) => !name.includes(":"), "Must not contain ':' (the list filter is option=<name>:<value>).");
const optionValue = z.string().trim().min(1, "Must not be empty.").max(100, "Must be at most 100 characters.");

export const ProductOptionsInput = z
  .array(
    z.strictObject({
      name: optionName,
      values: z
        .array(optionValue)
        .min(1, "Must list at least one value.")
        .max(MAX_OPTION_VALUES, `Must list at most ${MAX_OPTION_VALUES} values.`)
        .superRefine((values, ctx) => {
          values.forEach((value, i) => {
            if (values.indexOf(value) !== i) ctx.addIssue({ code: "custom", path: [i], message: "Repeats an earlier value." });
          });
        }),
    }),
  )
  .max(MAX_OPTIONS, `A product has at most ${MAX_OPTIONS} options.`)
  .superRefine((options, ctx) => {
    const names = options.map((o) => o.name.toLowerCase());
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i) ctx.addIssue({ code: "custom", path: [i, "name"], message: "Repeats an earlier option name." });
    });
  })
  .openapi({ description: `At most ${MAX_OPTIONS} options, each with its allowed values (names unique case-insensitively, without ':').` });

const skuValue = z.string().trim().min(1, "Must not be empty.").max(100, "Must be at most 100 characters.");
const variantOptions = z
  .record(z.string().max(50, "Must be at most 50 characters."), z.string().max(100, "Must be at most 100 characters."))
  .refine((v) => Object.keys(v).length <= MAX_OPTIONS, `Names at most ${MAX_OPTIONS} options.`)
  .openapi({ description: "One allowed value for each of the product's options, e.g. `{ \"Size\": \"M\" }`." });
const imageId = z.number().int("Must be an image id.").positive("Must be an image id.").max(MAX_ID, "Must be an image id.").openapi(INT32);

export const CreateVariantSchema = z
  .strictObject({
    sku: skuValue,
    options: variantOptions.optional(),
    price: MoneyInput,
    stock: stockValue.optional(),
    image_id: imageId.nullable().optional().openapi({ description: "One of the product's images." }),
  })
  .openapi("CreateVariantRequest");

export type VariantInput = z.infer<typeof CreateVariantSchema>;

export const UpdateVariantSchema = z
  .strictObject({
    sku: skuValue.optional(),
    options: variantOptions.optional(),
    price: MoneyInput.optional(),
    stock: stockValue.optional(),
    image_id: imageId.nullable().optional().openapi({ description: "One of the product's images, or null for none." }),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateVariantRequest");

export const CreateProductSchema = z
  .strictObject({
    name: productName,
    description: productDescription.optional(),
    price: MoneyInput.optional().openapi({ type: "string", description: "Required without `variants`: the price of the product's one variant." }),
    stock: stockValue.optional(),
    sku: skuValue.optional().openapi({ description: "Without `variants`: the SKU of the product's one variant (default `SKU-<id>`)." }),
    category_id: categoryId,
    options: ProductOptionsInput.optional(),
    variants: z
      .array(CreateVariantSchema)
      .min(1, "Must list at least one variant.")
      .max(MAX_VARIANTS, `A product has at most ${MAX_VARIANTS} variants.`)
      .optional()
      .openapi({ description: "Required with `options`: each names exactly the product's options, with allowed values, no two alike." }),
  })
  .superRefine((body, ctx) => {
    if (body.variants === undefined) {
      if (body.price === undefined) ctx.addIssue({ code: "custom", path: ["price"], message: "Required (or send variants)." });
      if ((body.options ?? []).length > 0) ctx.addIssue({ code: "custom", path: ["variants"], message: "Required for a product with options." });
      return;
    }
    for (const field of ["price", "stock", "sku"] as const) {
      if (body[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "Set on each variant instead." });
    }
    const problems = variantListProblems(body.options ?? [], body.variants);
    for (const p of problems) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    body.variants.forEach((v, i) => {
      if (v.image_id != null) ctx.addIssue({ code: "custom", path: ["variants", i, "image_id"], message: "A new product has no images yet: upload them, then set image_id." });
    });
  })
  .openapi("CreateProductRequest");

export type CreateProductInput = z.infer<typeof CreateProductSchema>;

export const UpdateProductSchema = z
  .strictObject({
    name: productName.optional(),
    description: productDescription.optional(),
    price: MoneyInput.optional().openapi({ type: "string", description: "For a product with one variant: that variant's price." }),
    stock: stockValue.optional().openapi({ description: "For a product with one variant: that variant's stock." }),
    category_id: categoryId.optional(),
    options: ProductOptionsInput.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateProductRequest");

export type UpdateProductInput = z.infer<typeof UpdateProductSchema>;

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
    // Postgres text cannot hold NUL: refused here, not a 500 from the query.
    .regex(/^[^\u0000]*$/, "Must not contain NUL characters.")
    .optional()
    .openapi({ description: "Case-insensitive match on the name: anywhere in it for 3 or more characters, at its start for 1 or 2 (a shorter term has no trigram for the search index)." }),
  ordering: z.enum(ORDERINGS, { message: `Must be one of ${ORDERINGS.join(", ")}.` }).optional(),
  option: z
    // `<name>:<value>`: at most 50 + 1 + 100 characters (longer is refused below).
    .union([z.string().openapi({ maxLength: 151 }), z.array(z.string().openapi({ maxLength: 151 })).max(MAX_OPTIONS * 4, `At most ${MAX_OPTIONS * 4} option filters.`)])
    .transform((given, ctx) => {
      const pairs = (Array.isArray(given) ? given : [given]).map((text) => {
        const at = text.indexOf(":");
        const name = text.slice(0, at).trim();
        const value = text.slice(at + 1).trim();
        if (at < 0 || !name || !value || name.length > 50 || value.length > 100) {
          ctx.addIssue({ code: "custom", message: "Must be <name>:<value>, such as Size:M (name up to 50, value up to 100 characters)." });
        }
        return `${name}:${value}`;
      });
      // The same filters in any order mean the same thing: one cache entry, one cursor scope.
      return [...new Set(pairs)].sort();
    })
    .optional()
    .openapi({
      type: "string",
      maxLength: 151,
      description: "`<name>:<value>`, e.g. `Size:M` (case-sensitive, as the option is spelled). Repeatable: a product matches when, for each one given, it has a variant with that value.",
    }),
}).superRefine((q, ctx) => {
  if (q.min_price !== undefined && q.max_price !== undefined && moneyToCents(q.min_price) > moneyToCents(q.max_price)) {
    ctx.addIssue({ code: "custom", path: ["min_price"], message: "Must not be greater than max_price." });
  }
});

export type ProductFilters = z.infer<typeof ProductListQuery>;
/** The list's own parameters in canonical order (cache keys and links are built from them). */
export const PRODUCT_LIST_PARAMS = ["category", "min_price", "max_price", "in_stock", "search", "option", "ordering"] as const;
export const ProductPageSchema = pageListSchema(ProductSchema, "ProductPage");

import { createRoute, z } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery, positiveIntParam } from "../lib/pagination";
import { CreateVariantSchema, MAX_VARIANTS, StockChangeSchema, UpdateVariantSchema, VariantDetailSchema } from "./catalog.schemas";

const adminErrors = problemResponses(400, 401, 403, 404, 409, 413);

export const ProductVariantParams = z.object({
  id: positiveIntParam().openapi({ param: { name: "id", in: "path" }, example: "1" }),
  variant_id: positiveIntParam().openapi({ param: { name: "variant_id", in: "path" }, example: "2" }),
});

const aggregates = "The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.";

export const createVariantRoute = createRoute({
  operationId: "createVariant",
  method: "post",
  path: "/api/products/{id}/variants",
  tags: ["Catalog"],
  summary: "Add a variant to a product (admin)",
  description: `\`options\` must name exactly the product's options, each with one of its values (400 naming the path, e.g. \`options.Size\`), and differ from every other variant's (400). SKUs are unique across the shop, ignoring case (409 \`sku-taken\`). A product holds at most ${MAX_VARIANTS} variants (409 \`too-many-variants\`). \`image_id\` must be one of the product's images. ${aggregates}`,
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(CreateVariantSchema) },
  responses: { 201: jsonContent(VariantDetailSchema, "The new variant"), ...adminErrors },
});

export const updateVariantRoute = createRoute({
  operationId: "updateVariant",
  method: "patch",
  path: "/api/products/{id}/variants/{variant_id}",
  tags: ["Catalog"],
  summary: "Change a variant's SKU, options, price, stock or image (admin)",
  description: `The same rules as for a new variant. A variant of another product is 404. ${aggregates}`,
  ...adminOnly,
  request: { params: ProductVariantParams, query: NoQuery, body: jsonBody(UpdateVariantSchema) },
  responses: { 200: jsonContent(VariantDetailSchema, "The variant"), ...adminErrors },
});

export const deleteVariantRoute = createRoute({
  operationId: "deleteVariant",
  method: "delete",
  path: "/api/products/{id}/variants/{variant_id}",
  tags: ["Catalog"],
  summary: "Delete a variant (admin); ordered variants are soft-deleted and kept for history",
  description: `A product keeps at least one variant: deleting its last is 409 (\`last-variant\`; delete the product instead). Cart lines of the variant leave the carts. ${aggregates}`,
  ...adminOnly,
  request: { params: ProductVariantParams, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...adminErrors },
});

export const changeVariantStockRoute = createRoute({
  operationId: "changeVariantStock",
  method: "post",
  path: "/api/variants/{id}/stock",
  tags: ["Catalog"],
  summary: "Add/remove a variant's stock atomically or set it (admin); never below 0 (409)",
  description: `\`{ delta }\` adds (negative removes) atomically, also under simultaneous requests; \`{ stock }\` sets it. Below 0 is 409 \`insufficient-stock\`, above 1,000,000,000 409 \`stock-limit\`; nothing changes then. ${aggregates}`,
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(StockChangeSchema) },
  responses: { 200: jsonContent(VariantDetailSchema, "The variant with its new stock"), ...adminErrors },
});

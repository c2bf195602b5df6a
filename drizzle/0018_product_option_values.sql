-- The list filter option=<name>:<value> tested each product through a lookup of its variants (one
-- probe of variants per product walked): at a million variants a sparse option on a deep page read
-- over a million rows, and two options together planned a Seq Scan of products. The pairs now live
-- on the product row, kept by triggers on variants (src/db/functions/shop_product_option_values.sql),
-- with a GIN index whose statistics let the planner choose between it and an ordering index, and
-- the set of pairs that exist (option_pairs).
-- Adding a NOT NULL column with a constant default does not rewrite the table.
ALTER TABLE "products" ADD COLUMN "option_values" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "products" p SET "option_values" = o.pairs
FROM (
  SELECT v.product_id, array_agg(DISTINCT e.key || ':' || e.value ORDER BY e.key || ':' || e.value) AS pairs
  FROM "variants" v CROSS JOIN jsonb_each_text(v.options) e
  WHERE v.deleted_at IS NULL
  GROUP BY v.product_id
) o
WHERE p.id = o.product_id;--> statement-breakpoint
CREATE INDEX "products_option_values_idx" ON "products" USING gin ("option_values") WHERE deleted_at IS NULL;--> statement-breakpoint
-- Every pair a variant ever had (never removed): the filter first checks its pairs here, so a pair
-- no product has (a typo, a guess) reads no product row, where an ordering index walk would read
-- them all looking for one.
CREATE TABLE "option_pairs" ("pair" text PRIMARY KEY NOT NULL);--> statement-breakpoint
INSERT INTO "option_pairs" ("pair") SELECT DISTINCT unnest("option_values") FROM "products" WHERE "option_values" <> '{}'::text[];--> statement-breakpoint
CREATE TRIGGER "variants_option_values_insert" AFTER INSERT ON "variants" FOR EACH ROW
  WHEN (NEW.options <> '{}'::jsonb) EXECUTE FUNCTION shop_product_option_values();--> statement-breakpoint
CREATE TRIGGER "variants_option_values_update" AFTER UPDATE OF "options", "deleted_at", "product_id" ON "variants" FOR EACH ROW
  WHEN (OLD.options IS DISTINCT FROM NEW.options OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.product_id IS DISTINCT FROM NEW.product_id)
  EXECUTE FUNCTION shop_product_option_values();--> statement-breakpoint
CREATE TRIGGER "variants_option_values_delete" AFTER DELETE ON "variants" FOR EACH ROW
  WHEN (OLD.options <> '{}'::jsonb) EXECUTE FUNCTION shop_product_option_values();
--> statement-breakpoint
-- The filter no longer looks into variants' options: their index only cost writes.
DROP INDEX IF EXISTS "variants_options_idx";

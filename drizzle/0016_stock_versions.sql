-- Every change of a row's stock counts in its stock_version (src/db/functions/shop_stock_version.sql),
-- so the cache keeps stock apart from the catalog's content and never takes an older value for a
-- newer one (src/catalog/stock-cache.ts). Adding a NOT NULL column with a constant default does not
-- rewrite the table.
ALTER TABLE "variants" ADD COLUMN "stock_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stock_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER "variants_stock_version" BEFORE UPDATE OF "stock" ON "variants" FOR EACH ROW
  WHEN (OLD.stock IS DISTINCT FROM NEW.stock) EXECUTE FUNCTION shop_stock_version();--> statement-breakpoint
CREATE TRIGGER "products_stock_version" BEFORE UPDATE OF "stock" ON "products" FOR EACH ROW
  WHEN (OLD.stock IS DISTINCT FROM NEW.stock) EXECUTE FUNCTION shop_stock_version();

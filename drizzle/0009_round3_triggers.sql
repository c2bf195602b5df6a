-- Every product has a variant, and a one-variant product's price and stock are its variant's
-- (src/db/functions/shop_product_default_variant.sql, shop_product_sync_variant.sql).
CREATE TRIGGER "products_default_variant" AFTER INSERT ON "products" FOR EACH ROW EXECUTE FUNCTION shop_product_default_variant();--> statement-breakpoint
CREATE TRIGGER "products_sync_variant" AFTER UPDATE OF "price", "stock" ON "products" FOR EACH ROW
  WHEN (OLD.price IS DISTINCT FROM NEW.price OR OLD.stock IS DISTINCT FROM NEW.stock) EXECUTE FUNCTION shop_product_sync_variant();
--> statement-breakpoint
CREATE TRIGGER "cart_items_line_variant" BEFORE INSERT ON "cart_items" FOR EACH ROW WHEN (NEW.variant_id IS NULL) EXECUTE FUNCTION shop_cart_line_variant();

-- Trigger on products (after update of price or stock): for a product with one live variant, the
-- product's price and stock are that variant's, so a write to the product (as round 2 clients and
-- bulk tools make) reaches the variant. Writers that already changed the variant change nothing
-- here; products with several variants are left to their variants' writers.
CREATE OR REPLACE FUNCTION shop_product_sync_variant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE variants v SET price = NEW.price, stock = NEW.stock, updated_at = now()
  WHERE v.product_id = NEW.id AND v.deleted_at IS NULL
    AND (v.price IS DISTINCT FROM NEW.price OR v.stock IS DISTINCT FROM NEW.stock)
    AND (SELECT count(*) FROM variants w WHERE w.product_id = NEW.id AND w.deleted_at IS NULL) = 1;
  RETURN NULL;
END
$$;

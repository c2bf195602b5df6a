-- Trigger on products (after insert): a product that came without variants gets its one default
-- variant, with the product's own id, price and stock, so rows written by any path (the seed's bulk
-- COPY, a test's INSERT) can be carted and ordered. Writers that insert variants in the same
-- statement keep theirs.
CREATE OR REPLACE FUNCTION shop_product_default_variant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO variants (id, product_id, sku, price, stock, deleted_at, created_at, updated_at)
  SELECT NEW.id, NEW.id, 'SKU-' || NEW.id, NEW.price, NEW.stock, NEW.deleted_at, NEW.created_at, NEW.updated_at
  WHERE NOT EXISTS (SELECT 1 FROM variants WHERE product_id = NEW.id)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

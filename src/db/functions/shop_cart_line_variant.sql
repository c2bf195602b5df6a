-- Trigger on cart_items (before insert): a line that names only its product is for the product's
-- variant that carries the product's own id (every product without options has exactly that one).
CREATE OR REPLACE FUNCTION shop_cart_line_variant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.variant_id := coalesce(NEW.variant_id, NEW.product_id);
  RETURN NEW;
END
$$;

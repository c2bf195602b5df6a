-- Trigger on variants (after insert, delete, or a change of options or deleted_at): sets the
-- product's option_values to the `name:value` pairs of its live variants' options, sorted, so the
-- list filter option=<name>:<value> is a containment test on the product row and its GIN index
-- (products_option_values_idx), and records each pair in option_pairs, which lets the filter answer
-- a pair no product ever had without reading products at all. Writers of variants lock the product
-- after its variants; so does this.
CREATE OR REPLACE FUNCTION shop_product_option_values() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_product integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
  v_pairs text[];
BEGIN
  SELECT coalesce(array_agg(DISTINCT e.key || ':' || e.value ORDER BY e.key || ':' || e.value), '{}'::text[]) INTO v_pairs
  FROM variants v CROSS JOIN jsonb_each_text(v.options) e
  WHERE v.product_id = v_product AND v.deleted_at IS NULL;
  UPDATE products SET option_values = v_pairs WHERE id = v_product AND option_values IS DISTINCT FROM v_pairs;
  INSERT INTO option_pairs (pair) SELECT unnest(v_pairs) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- Trigger on variants (after insert, delete, or a change of options or deleted_at): sets the
-- product's option_values to the `name:value` pairs of its live variants' options, sorted, so the
-- list filter option=<name>:<value> is a containment test on the product row and its GIN index
-- (products_option_values_idx). Writers of variants lock the product after its variants; so does this.
CREATE OR REPLACE FUNCTION shop_product_option_values() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_product integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.product_id ELSE NEW.product_id END;
BEGIN
  UPDATE products p SET option_values = o.pairs
  FROM (SELECT coalesce(array_agg(DISTINCT e.key || ':' || e.value ORDER BY e.key || ':' || e.value), '{}'::text[]) AS pairs
        FROM variants v CROSS JOIN jsonb_each_text(v.options) e
        WHERE v.product_id = v_product AND v.deleted_at IS NULL) o
  WHERE p.id = v_product AND p.option_values IS DISTINCT FROM o.pairs;
  RETURN NULL;
END
$$;

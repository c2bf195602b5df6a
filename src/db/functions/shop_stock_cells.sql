-- The stock of the given variants and of their products, as the cache keeps it
-- (src/catalog/stock-cache.ts): [["v<id>", stock_version, stock], ["p<id>", …], …]. Run in the
-- transaction that changed the stock, so the writer's own values are what it reports.
CREATE OR REPLACE FUNCTION shop_stock_cells(p_variants integer[]) RETURNS json
LANGUAGE sql STABLE AS $$
  SELECT coalesce(json_agg(cell), '[]'::json) FROM (
    SELECT json_build_array('v' || v.id, v.stock_version, v.stock) AS cell FROM variants v WHERE v.id = ANY(p_variants)
    UNION ALL
    SELECT json_build_array('p' || p.id, p.stock_version, p.stock) FROM products p
    WHERE p.id IN (SELECT w.product_id FROM variants w WHERE w.id = ANY(p_variants))
  ) cells
$$;

-- Gives the stock of the given orders' items back: variants locked in id order, then their products
-- in id order (the lock order of checkout), and records one catalog bump. `back` is true when a
-- product came back from 0, which changes in-stock lists and counts.
CREATE OR REPLACE FUNCTION shop_return_stock(p_orders integer[], OUT back boolean, OUT bump_id bigint)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM variants WHERE id IN (SELECT variant_id FROM order_items WHERE order_id = ANY(p_orders)) ORDER BY id FOR NO KEY UPDATE;
  PERFORM 1 FROM products WHERE id IN (SELECT product_id FROM order_items WHERE order_id = ANY(p_orders)) ORDER BY id FOR NO KEY UPDATE;
  UPDATE variants v SET stock = v.stock + q.n
  FROM (SELECT variant_id, sum(quantity) AS n FROM order_items WHERE order_id = ANY(p_orders) GROUP BY variant_id) q
  WHERE v.id = q.variant_id;
  WITH returned AS (
    UPDATE products pr SET stock = pr.stock + q.n
    FROM (SELECT product_id, sum(quantity) AS n FROM order_items WHERE order_id = ANY(p_orders) GROUP BY product_id) q
    WHERE pr.id = q.product_id
    RETURNING pr.stock, q.n)
  SELECT coalesce(bool_or(stock = n), false) INTO back FROM returned;
  INSERT INTO catalog_bumps (counts) VALUES (back) RETURNING id INTO bump_id;
END
$$;

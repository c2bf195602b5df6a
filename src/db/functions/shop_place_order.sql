-- Places an order from the user's whole cart, in one call:
--   1. locks the user (one checkout or cart change per user at a time: of a double click, the
--      second waits here and then finds the cart emptied, or replays the first by its key);
--   2. replays an earlier order with the same Idempotency-Key (or refuses the key with another body);
--   3. locks the products of the cart in id order, as every writer of stock does (no deadlocks);
--      FOR NO KEY UPDATE, not FOR UPDATE, so a cart line being added for the same product (its
--      foreign key takes KEY SHARE) does not wait for the checkout to commit;
--   4. refuses, changing nothing, when any live line is short or the total is above shop_max_money();
--   5. takes the stock, writes the order, its items at today's prices and its first history row,
--      deletes exactly the lines it ordered (a line added since stays) and records a catalog bump.
-- Returns {outcome, ...}: created | replayed | key-reused | empty-cart | insufficient-stock |
-- total-too-large | unknown-user.
CREATE OR REPLACE FUNCTION shop_place_order(p_user integer, p_key text, p_hash text) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_order orders;
  v_cart integer[];
  v_ids integer[];
  v_qty integer[];
  v_short json;
  v_total numeric;
  v_sold_out boolean;
  v_bump bigint;
BEGIN
  PERFORM 1 FROM users WHERE id = p_user FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'unknown-user');
  END IF;

  IF p_key IS NOT NULL THEN
    SELECT * INTO v_order FROM orders WHERE user_id = p_user AND idempotency_key = p_key;
    IF FOUND THEN
      IF v_order.request_hash IS DISTINCT FROM p_hash THEN
        RETURN json_build_object('outcome', 'key-reused');
      END IF;
      RETURN json_build_object('outcome', 'replayed', 'order', shop_order_json(v_order));
    END IF;
  END IF;

  SELECT array_agg(product_id ORDER BY product_id) INTO v_cart FROM cart_items WHERE user_id = p_user;
  PERFORM 1 FROM products WHERE id = ANY(v_cart) ORDER BY id FOR NO KEY UPDATE;

  -- A product deleted after it was carted is not ordered (and not counted).
  SELECT coalesce(array_agg(p.id ORDER BY p.id), '{}'), coalesce(array_agg(ci.quantity ORDER BY p.id), '{}')
  INTO v_ids, v_qty
  FROM cart_items ci JOIN products p ON p.id = ci.product_id
  WHERE ci.user_id = p_user AND p.deleted_at IS NULL;
  IF cardinality(v_ids) = 0 THEN
    RETURN json_build_object('outcome', 'empty-cart');
  END IF;

  SELECT json_agg(json_build_object('product_id', p.id, 'name', p.name, 'requested', l.q, 'available', p.stock) ORDER BY p.id)
  INTO v_short
  FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id
  WHERE p.stock < l.q;
  IF v_short IS NOT NULL THEN
    RETURN json_build_object('outcome', 'insufficient-stock', 'products', v_short);
  END IF;

  SELECT sum(p.price * l.q) INTO v_total FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id;
  IF v_total > 9999999999.99 THEN
    RETURN json_build_object('outcome', 'total-too-large', 'total', v_total::text);
  END IF;

  WITH taken AS (
    UPDATE products p SET stock = p.stock - l.q, updated_at = now()
    FROM unnest(v_ids, v_qty) AS l(id, q)
    WHERE p.id = l.id
    RETURNING p.stock
  )
  SELECT bool_or(stock = 0) INTO v_sold_out FROM taken;

  INSERT INTO orders (user_id, total, idempotency_key, request_hash)
  VALUES (p_user, v_total, p_key, CASE WHEN p_key IS NULL THEN NULL ELSE p_hash END)
  RETURNING * INTO v_order;
  INSERT INTO order_items (order_id, product_id, name, unit_price, quantity)
  SELECT v_order.id, p.id, p.name, p.price, l.q
  FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id
  ORDER BY p.id;
  INSERT INTO order_status_history (order_id, from_status, to_status, changed_by)
  VALUES (v_order.id, NULL, 'pending', p_user);
  DELETE FROM cart_items WHERE user_id = p_user AND product_id = ANY(v_ids);
  INSERT INTO catalog_bumps (counts) VALUES (v_sold_out) RETURNING id INTO v_bump;

  RETURN json_build_object('outcome', 'created', 'order', shop_order_json(v_order), 'sold_out', v_sold_out, 'bump_id', v_bump);
END
$$;

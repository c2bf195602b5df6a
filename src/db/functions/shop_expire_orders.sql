-- The cron's sweep of held stock: cancels up to `p_limit` unpaid pending orders whose hold has
-- expired, returns their stock and discount uses, and writes each owner's notification and email.
-- Orders another transaction is changing (row locked) or whose owner is busy (advisory lock taken)
-- are left for the next sweep. Returns {cancelled: [{order, notification, previous_notification_id}],
-- back_in_stock, bump_id, stock}; bump_id is null when nothing expired; stock is shop_stock_cells of
-- the returned items, for the cache.
CREATE OR REPLACE FUNCTION shop_expire_orders(p_limit integer) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_ids integer[] := '{}';
  v_order orders;
  v_moved json;
  v_done json[] := '{}';
  v_back boolean := false;
  v_bump bigint;
BEGIN
  FOR v_order IN
    SELECT * FROM orders
    WHERE status = 'pending' AND payment_status = 'unpaid' AND expires_at IS NOT NULL AND expires_at <= now()
    ORDER BY expires_at, id LIMIT p_limit
    FOR NO KEY UPDATE SKIP LOCKED
  LOOP
    IF v_order.user_id IS NULL OR pg_try_advisory_xact_lock(shop_notification_lock_key(), v_order.user_id) THEN
      v_ids := v_ids || v_order.id;
    END IF;
  END LOOP;
  IF cardinality(v_ids) = 0 THEN
    RETURN json_build_object('cancelled', '[]'::json, 'back_in_stock', false, 'bump_id', NULL);
  END IF;

  SELECT r.back, r.bump_id INTO v_back, v_bump FROM shop_return_stock(v_ids) r;
  WITH freed AS (DELETE FROM discount_redemptions WHERE order_id = ANY(v_ids) RETURNING discount_id)
  UPDATE discounts d SET times_used = d.times_used - f.n
  FROM (SELECT discount_id, count(*) AS n FROM freed GROUP BY discount_id) f WHERE d.id = f.discount_id;

  UPDATE orders SET status = 'cancelled', updated_at = now() WHERE id = ANY(v_ids);
  -- Each owner's notifications in the order of their orders.
  FOR v_order IN SELECT * FROM orders WHERE id = ANY(v_ids) ORDER BY id
  LOOP
    v_moved := shop_order_moved(v_order, 'pending', 'cancelled', NULL);
    v_done := v_done || json_build_object('order', shop_order_json(v_order), 'notification', v_moved->'notification',
                                         'previous_notification_id', v_moved->'previous_notification_id', 'email_id', v_moved->'email_id');
  END LOOP;
  RETURN json_build_object('cancelled', array_to_json(v_done), 'back_in_stock', v_back, 'bump_id', v_bump,
    'stock', shop_stock_cells(ARRAY(SELECT variant_id FROM order_items WHERE order_id = ANY(v_ids))));
END
$$;

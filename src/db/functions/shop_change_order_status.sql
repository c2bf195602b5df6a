-- Moves an order to p_to when its current status is one of p_from (the Worker holds the transition
-- table, TRANSITIONS in src/shared/contract.ts), in one call: the owner's advisory lock
-- (shop_notification_lock_key(), user) orders their notifications; the status is read again under
-- it, so of two racing changes the second sees the first. Cancelling returns the stock (product
-- locks in id order, FOR NO KEY UPDATE) and records a catalog bump. History and notification rows
-- are written in the same transaction.
-- Returns {outcome, ...}: changed | not-found | illegal | forbidden | unknown-user.
CREATE OR REPLACE FUNCTION shop_change_order_status(p_order integer, p_to order_status, p_from order_status[],
  p_actor integer, p_owner_only boolean) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_admin boolean;
  v_user integer;
  v_order orders;
  v_from order_status;
  v_back boolean := false;
  v_bump bigint;
  v_note record;
BEGIN
  SELECT is_admin INTO v_admin FROM users WHERE id = p_actor;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'unknown-user');
  END IF;
  IF NOT p_owner_only AND NOT v_admin THEN
    RETURN json_build_object('outcome', 'forbidden');
  END IF;

  SELECT user_id INTO v_user FROM orders WHERE id = p_order AND (NOT p_owner_only OR user_id = p_actor);
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'not-found');
  END IF;
  PERFORM pg_advisory_xact_lock(7301, v_user);

  SELECT * INTO v_order FROM orders WHERE id = p_order FOR NO KEY UPDATE;
  v_from := v_order.status;
  IF NOT v_from = ANY(p_from) THEN
    RETURN json_build_object('outcome', 'illegal', 'from', v_from);
  END IF;

  UPDATE orders SET status = p_to, updated_at = now() WHERE id = p_order RETURNING * INTO v_order;
  IF p_to = 'cancelled' THEN
    PERFORM 1 FROM products WHERE id IN (SELECT product_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR NO KEY UPDATE;
    WITH returned AS (
      UPDATE products p SET stock = p.stock + oi.quantity, updated_at = now()
      FROM order_items oi
      WHERE oi.order_id = p_order AND p.id = oi.product_id
      RETURNING p.stock, oi.quantity
    )
    SELECT coalesce(bool_or(stock = quantity), false) INTO v_back FROM returned;
    INSERT INTO catalog_bumps (counts) VALUES (v_back) RETURNING id INTO v_bump;
  END IF;
  INSERT INTO order_status_history (order_id, from_status, to_status, changed_by) VALUES (p_order, v_from, p_to, p_actor);
  SELECT * INTO v_note FROM shop_record_status_change(v_user, p_order, v_from, p_to);

  RETURN json_build_object(
    'outcome', 'changed',
    'order', shop_order_json(v_order),
    'notification', v_note.notification,
    'previous_notification_id', v_note.previous_id,
    'restocked', p_to = 'cancelled',
    'back_in_stock', v_back,
    'bump_id', v_bump);
END
$$;

-- Moves an order's status in one call, re-reading it under the owner's advisory lock (of two racing
-- changes one wins, the other is refused): pending → paid (an admin records an offline payment),
-- pending → cancelled (owner or admin: the held stock and the discount use come back),
-- paid → shipped → delivered, paid → cancelled (admin: the stock comes back and the unrefunded
-- payment is refunded: a refund row is written here and sent to the provider after the commit).
-- `p_from` lists the statuses the target may be reached from; an owner may only cancel a pending
-- order. Stock returns to the variants in id order, then their products in id order.
-- Returns {outcome, order, notification, previous_notification_id, back_in_stock, bump_id, stock, refund_id, email_id}
-- (stock: the returned stock as shop_stock_cells reports it, for the cache):
-- changed | illegal | not-found | forbidden | unknown-user.
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
  v_refund uuid;
  v_left numeric;
  v_moved json;
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
  IF v_user IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(shop_notification_lock_key(), v_user);
  END IF;

  SELECT * INTO v_order FROM orders WHERE id = p_order FOR NO KEY UPDATE;
  v_from := v_order.status;
  IF NOT v_from = ANY(p_from) OR (p_owner_only AND v_from <> 'pending') THEN
    RETURN json_build_object('outcome', 'illegal', 'from', v_from);
  END IF;

  IF p_to = 'paid' THEN
    UPDATE orders SET status = p_to, payment_status = 'paid', payment_method = 'manual', amount_paid = total,
                      paid_at = now(), updated_at = now()
    WHERE id = p_order RETURNING * INTO v_order;
  ELSE
    UPDATE orders SET status = p_to, updated_at = now() WHERE id = p_order RETURNING * INTO v_order;
  END IF;

  IF p_to = 'cancelled' THEN
    SELECT r.back, r.bump_id INTO v_back, v_bump FROM shop_return_stock(ARRAY[p_order]) r;
    -- The code's use comes back with the order.
    WITH freed AS (DELETE FROM discount_redemptions WHERE order_id = p_order RETURNING discount_id)
    UPDATE discounts d SET times_used = d.times_used - 1 FROM freed WHERE d.id = freed.discount_id;
    v_left := v_order.amount_paid - v_order.amount_refunded;
    IF v_left > 0 THEN
      v_refund := gen_random_uuid();
      -- Offline payments are refunded offline: recorded as done.
      INSERT INTO refunds (id, order_id, amount, restocked, reason, status, created_by)
      VALUES (v_refund, p_order, v_left, true, 'order cancelled',
              CASE WHEN v_order.payment_method = 'stripe' THEN 'pending' ELSE 'succeeded' END, p_actor);
      UPDATE orders SET amount_refunded = amount_paid, payment_status = 'refunded' WHERE id = p_order RETURNING * INTO v_order;
    END IF;
  END IF;
  v_moved := shop_order_moved(v_order, v_from, p_to, p_actor);

  RETURN json_build_object(
    'outcome', 'changed',
    'order', shop_order_json(v_order),
    'notification', v_moved->'notification',
    'previous_notification_id', v_moved->'previous_notification_id',
    'back_in_stock', v_back,
    'bump_id', v_bump,
    'stock', CASE WHEN v_bump IS NULL THEN NULL ELSE shop_stock_cells(ARRAY(SELECT variant_id FROM order_items WHERE order_id = p_order)) END,
    'refund_id', v_refund,
    'email_id', v_moved->'email_id');
END
$$;

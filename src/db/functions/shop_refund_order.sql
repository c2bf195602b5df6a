-- An admin's refund of a paid order, in one statement. The amount (default: what is left of the
-- payment) is reserved by a conditional UPDATE, so the refunds of an order never add up to more
-- than was paid, however many run at once; the refund row's id is the Stripe idempotency key the
-- Worker sends it with after the response. A payment recorded by hand (no payment intent) is
-- refunded by hand too: its row is succeeded at once. With p_restock, the items' quantities go
-- back to their variants and products (once per order; a cancelled order's stock already went
-- back), with a catalog bump (and the stock cells for the cache, see shop_stock_cells). The owner gets the refund email. An Idempotency-Key (p_key, per
-- order) with the same request fingerprint (p_hash) replays the refund it made; with another
-- fingerprint it is 'key-reused'. Locks: owner, then variants by id, then products by id, then the
-- order row.
CREATE OR REPLACE FUNCTION shop_refund_order(p_order integer, p_amount numeric, p_restock boolean, p_reason text,
  p_key text, p_hash text, p_actor integer) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_owner record;
  v_order orders;
  v_refund refunds;
  v_amount numeric;
  v_restock boolean := false;
  v_back boolean := false;
  v_bump bigint;
BEGIN
  SELECT * INTO v_owner FROM shop_pay_lock_owner(p_order);
  IF NOT v_owner.known THEN
    RETURN json_build_object('outcome', 'not-found');
  END IF;
  IF p_key IS NOT NULL THEN
    SELECT * INTO v_refund FROM refunds WHERE order_id = p_order AND idempotency_key = p_key;
    IF FOUND THEN
      IF v_refund.request_hash IS NOT DISTINCT FROM p_hash THEN
        RETURN json_build_object('outcome', 'replayed', 'refund', shop_refund_json(v_refund));
      END IF;
      RETURN json_build_object('outcome', 'key-reused');
    END IF;
  END IF;

  SELECT * INTO v_order FROM orders WHERE id = p_order;
  IF v_order.amount_paid <= 0 THEN
    RETURN json_build_object('outcome', 'not-paid', 'status', v_order.status, 'payment_status', v_order.payment_status);
  END IF;
  v_amount := coalesce(p_amount, v_order.amount_paid - v_order.amount_refunded);

  -- Taken before the order row, in checkout's order; shop_return_stock below takes them again (no-op).
  IF p_restock THEN
    PERFORM 1 FROM variants WHERE id IN (SELECT variant_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR NO KEY UPDATE;
    PERFORM 1 FROM products WHERE id IN (SELECT product_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR NO KEY UPDATE;
  END IF;
  UPDATE orders SET amount_refunded = amount_refunded + v_amount,
    payment_status = shop_pay_status(amount_paid, amount_refunded + v_amount), updated_at = now()
  WHERE id = p_order AND v_amount > 0 AND amount_refunded + v_amount <= amount_paid
  RETURNING * INTO v_order;
  IF NOT FOUND THEN
    SELECT * INTO v_order FROM orders WHERE id = p_order;
    RETURN json_build_object('outcome', 'exceeds', 'requested', v_amount::text,
      'amount_paid', v_order.amount_paid::text, 'amount_refunded', v_order.amount_refunded::text,
      'refundable', (v_order.amount_paid - v_order.amount_refunded)::text);
  END IF;

  -- Decided after the order row's lock: a refund that restocked before this one has committed.
  v_restock := p_restock AND v_order.status::text <> 'cancelled'
    AND NOT EXISTS (SELECT 1 FROM refunds WHERE order_id = p_order AND restocked);
  IF v_restock THEN
    SELECT r.back, r.bump_id INTO v_back, v_bump FROM shop_return_stock(ARRAY[p_order]) r;
  END IF;

  INSERT INTO refunds (id, order_id, amount, restocked, reason, status, idempotency_key, request_hash, created_by)
  VALUES (gen_random_uuid(), p_order, v_amount, v_restock, coalesce(p_reason, ''),
    CASE WHEN v_order.payment_intent IS NULL THEN 'succeeded' ELSE 'pending' END, p_key, p_hash, p_actor)
  RETURNING * INTO v_refund;
  IF v_order.email IS NOT NULL THEN
    INSERT INTO email_outbox (to_address, template, data)
    VALUES (v_order.email, 'order_refunded', json_build_object('order', shop_order_json(v_order), 'refund', shop_refund_json(v_refund))::jsonb);
  END IF;
  RETURN json_build_object('outcome', 'created', 'refund', shop_refund_json(v_refund), 'send', v_refund.status = 'pending',
    'bump_id', v_bump, 'back_in_stock', v_back,
    'stock', CASE WHEN v_bump IS NULL THEN NULL ELSE shop_stock_cells(ARRAY(SELECT variant_id FROM order_items WHERE order_id = p_order)) END);
END
$$;

-- A Checkout Session that Stripe reports complete (part of shop_stripe_event). Only a session that
-- is paid, for exactly the order's total and currency, moves a pending order to paid (with its
-- history row, notification and email through shop_order_moved); anything else is recorded as its
-- outcome and changes nothing. A payment that lands on an order already cancelled (its hold ran
-- out while the customer was paying) is kept as paid-and-refunded: a pending refund row for the
-- whole amount, which the Worker sends to Stripe after the response, and the refund email.
CREATE OR REPLACE FUNCTION shop_stripe_session_paid(p_data jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_order_id integer := (p_data->>'order_id')::integer;
  v_amount numeric := (p_data->>'amount')::numeric;
  v_currency text := lower(p_data->>'currency');
  v_intent text := p_data->>'payment_intent';
  v_owner record;
  v_order orders;
  v_moved json;
  v_refund refunds;
BEGIN
  IF v_order_id IS NULL THEN
    RETURN json_build_object('outcome', 'unknown-order');
  END IF;
  SELECT * INTO v_owner FROM shop_pay_lock_owner(v_order_id);
  IF NOT v_owner.known THEN
    RETURN json_build_object('outcome', 'unknown-order');
  END IF;
  SELECT * INTO v_order FROM orders WHERE id = v_order_id FOR NO KEY UPDATE;
  IF p_data->>'payment_status' IS DISTINCT FROM 'paid' THEN
    RETURN json_build_object('outcome', 'not-paid', 'order_id', v_order_id);
  END IF;
  IF v_amount IS DISTINCT FROM v_order.total OR v_currency IS DISTINCT FROM v_order.currency THEN
    RETURN json_build_object('outcome', 'amount-mismatch', 'order_id', v_order_id,
      'expected', json_build_object('amount', v_order.total::text, 'currency', v_order.currency),
      'received', json_build_object('amount', v_amount::text, 'currency', v_currency));
  END IF;
  IF v_order.payment_status::text <> 'unpaid' THEN
    -- The same payment told twice (completed, then async_payment_succeeded) changes nothing; a
    -- second payment for one order needs a person.
    RETURN json_build_object('outcome', CASE WHEN v_order.payment_intent = v_intent THEN 'already-paid' ELSE 'duplicate-payment' END, 'order_id', v_order_id);
  END IF;
  UPDATE payment_sessions SET status = 'complete' WHERE id = p_data->>'session_id';

  IF v_order.status::text = 'pending' THEN
    UPDATE orders SET status = 'paid', payment_status = 'paid', amount_paid = total, payment_method = 'stripe',
      payment_intent = v_intent, paid_at = now(), updated_at = now()
    WHERE id = v_order_id RETURNING * INTO v_order;
    v_moved := shop_order_moved(v_order, 'pending', 'paid', NULL);
    RETURN json_build_object('outcome', 'paid', 'order_id', v_order_id, 'user_id', v_order.user_id,
      'notification', v_moved->'notification', 'previous_notification_id', v_moved->'previous_notification_id');
  END IF;

  IF v_order.status::text = 'cancelled' THEN
    UPDATE orders SET payment_status = 'refunded', amount_paid = v_amount, amount_refunded = v_amount, payment_method = 'stripe',
      payment_intent = v_intent, paid_at = now(), updated_at = now()
    WHERE id = v_order_id RETURNING * INTO v_order;
    INSERT INTO refunds (id, order_id, amount, restocked, reason, status)
    VALUES (gen_random_uuid(), v_order_id, v_amount, false, 'paid after the order was cancelled', 'pending')
    RETURNING * INTO v_refund;
    IF v_order.email IS NOT NULL THEN
      INSERT INTO email_outbox (to_address, template, data)
      VALUES (v_order.email, 'order_refunded', json_build_object('order', shop_order_json(v_order), 'refund', shop_refund_json(v_refund))::jsonb);
    END IF;
    RETURN json_build_object('outcome', 'refund-after-cancel', 'order_id', v_order_id, 'refund_id', v_refund.id);
  END IF;

  RETURN json_build_object('outcome', 'unexpected-status', 'order_id', v_order_id, 'status', v_order.status);
END
$$;

-- Stripe's charge.refunded (part of shop_stripe_event) carries the total refunded on the payment.
-- When it covers every refund the shop has asked for, those that Stripe accepted are succeeded.
-- When it is more than the shop asked for (a refund made in Stripe's dashboard), the difference is
-- recorded as a succeeded refund row and counted, so amount_refunded and payment_status stay true.
CREATE OR REPLACE FUNCTION shop_stripe_charge_refunded(p_data jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_order_id integer := (p_data->>'order_id')::integer;
  v_total numeric := (p_data->>'amount_refunded')::numeric;
  v_owner record;
  v_order orders;
  v_extra numeric;
  v_asked numeric;
BEGIN
  IF v_order_id IS NULL THEN
    RETURN json_build_object('outcome', 'unknown-order');
  END IF;
  SELECT * INTO v_owner FROM shop_pay_lock_owner(v_order_id);
  IF NOT v_owner.known THEN
    RETURN json_build_object('outcome', 'unknown-order');
  END IF;
  SELECT * INTO v_order FROM orders WHERE id = v_order_id FOR NO KEY UPDATE;
  IF v_order.payment_intent IS DISTINCT FROM p_data->>'payment_intent' OR v_total IS NULL THEN
    RETURN json_build_object('outcome', 'unknown-payment', 'order_id', v_order_id);
  END IF;
  v_extra := least(v_total, v_order.amount_paid) - v_order.amount_refunded;
  IF v_extra > 0 THEN
    INSERT INTO refunds (id, order_id, amount, restocked, reason, status)
    VALUES (gen_random_uuid(), v_order_id, v_extra, false, 'refunded in Stripe', 'succeeded');
    UPDATE orders SET amount_refunded = amount_refunded + v_extra,
      payment_status = shop_pay_status(amount_paid, amount_refunded + v_extra), updated_at = now()
    WHERE id = v_order_id;
  END IF;
  SELECT coalesce(sum(amount), 0) INTO v_asked FROM refunds WHERE order_id = v_order_id AND status <> 'failed';
  IF v_total >= v_asked THEN
    UPDATE refunds SET status = 'succeeded' WHERE order_id = v_order_id AND status = 'pending' AND stripe_refund_id IS NOT NULL;
  END IF;
  RETURN json_build_object('outcome', CASE WHEN v_extra > 0 THEN 'refunded-outside' ELSE 'refunds-confirmed' END, 'order_id', v_order_id);
END
$$;

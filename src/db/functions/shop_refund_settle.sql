-- Records what Stripe says about one refund (its answer to the refund call, or a refund.* event):
-- its Stripe id and status. A refund that failed or was cancelled gives its amount back to the
-- order (amount_refunded, payment_status), once; a failed refund never comes back to life, and a
-- succeeded one is not set back to pending by a late, older event. `p_refund` is the shop's id
-- (null when Stripe's refund was not made by the shop: then it is looked up by Stripe's id).
CREATE OR REPLACE FUNCTION shop_refund_settle(p_refund uuid, p_stripe_id text, p_stripe_status text) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_refund refunds;
  v_owner record;
  v_new text := CASE p_stripe_status WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' WHEN 'canceled' THEN 'failed' ELSE 'pending' END;
BEGIN
  SELECT * INTO v_refund FROM refunds
  WHERE (p_refund IS NOT NULL AND id = p_refund) OR (p_refund IS NULL AND p_stripe_id IS NOT NULL AND stripe_refund_id = p_stripe_id)
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'unknown-refund');
  END IF;
  SELECT * INTO v_owner FROM shop_pay_lock_owner(v_refund.order_id);
  PERFORM 1 FROM orders WHERE id = v_refund.order_id FOR NO KEY UPDATE;
  SELECT * INTO v_refund FROM refunds WHERE id = v_refund.id FOR UPDATE;
  IF v_refund.status = 'failed' OR (v_refund.status = 'succeeded' AND v_new = 'pending') THEN
    UPDATE refunds SET stripe_refund_id = coalesce(stripe_refund_id, p_stripe_id) WHERE id = v_refund.id;
    RETURN json_build_object('outcome', 'refund-' || v_refund.status, 'order_id', v_refund.order_id);
  END IF;
  IF v_new = 'failed' THEN
    UPDATE orders SET amount_refunded = amount_refunded - v_refund.amount,
      payment_status = shop_pay_status(amount_paid, amount_refunded - v_refund.amount), updated_at = now()
    WHERE id = v_refund.order_id;
  END IF;
  UPDATE refunds SET status = v_new, stripe_refund_id = coalesce(p_stripe_id, stripe_refund_id) WHERE id = v_refund.id;
  RETURN json_build_object('outcome', 'refund-' || v_new, 'order_id', v_refund.order_id);
END
$$;

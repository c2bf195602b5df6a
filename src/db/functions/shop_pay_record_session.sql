-- Records a Stripe Checkout Session that the Worker has just created for an order (one statement
-- after the Stripe call). Only while the order is still pending and unpaid: otherwise nothing is
-- written and the Worker expires the session at Stripe. The order's hold is stretched to the
-- session's expiry (Stripe keeps a session open for at least 30 minutes), so an order cannot be
-- cancelled for lateness while its checkout can still be paid; it is never shortened. Older open
-- sessions of the order that have passed their expiry are marked expired.
CREATE OR REPLACE FUNCTION shop_pay_record_session(p_order integer, p_session text, p_amount numeric, p_currency text,
  p_url text, p_expires_at timestamptz) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_owner record;
  v_order orders;
BEGIN
  SELECT * INTO v_owner FROM shop_pay_lock_owner(p_order);
  IF NOT v_owner.known THEN
    RETURN json_build_object('outcome', 'not-found');
  END IF;
  SELECT * INTO v_order FROM orders WHERE id = p_order FOR NO KEY UPDATE;
  IF v_order.status::text <> 'pending' OR v_order.payment_status::text <> 'unpaid' THEN
    RETURN json_build_object('outcome', 'not-pending', 'status', v_order.status);
  END IF;
  UPDATE payment_sessions SET status = 'expired' WHERE order_id = p_order AND status = 'open' AND expires_at <= now();
  INSERT INTO payment_sessions (id, order_id, amount, currency, url, status, expires_at)
  VALUES (p_session, p_order, p_amount, p_currency, p_url, 'open', p_expires_at)
  ON CONFLICT (id) DO NOTHING;
  IF v_order.expires_at IS NOT NULL AND v_order.expires_at < p_expires_at THEN
    UPDATE orders SET expires_at = p_expires_at, updated_at = now() WHERE id = p_order;
  END IF;
  RETURN json_build_object('outcome', 'recorded');
END
$$;

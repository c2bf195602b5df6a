-- Handles one verified Stripe webhook event in one statement. The event id goes into stripe_events
-- first (ON CONFLICT DO NOTHING): a replay, or the same event delivered several times at once,
-- finds the id taken (waiting for the first delivery's commit) and changes nothing; it answers
-- 'duplicate' with the first handling's result as `first`, so the Worker can do again what follows
-- a handled event (the push, sending a refund: both idempotent) when the first answer was lost.
-- The event is then applied and its outcome and result recorded on the same row. `p_data` is what the Worker read from the
-- event's object, with amounts already converted to decimal strings:
--   checkout.session.*: session_id, order_id, payment_status, amount, currency, payment_intent
--   charge.refunded:    order_id, payment_intent, amount_refunded, currency
--   refund.*:           refund_id (ours, from metadata), stripe_refund_id, status
-- Returns {outcome, order_id, ...}: 'paid' adds user_id, notification and previous_notification_id
-- for the push; 'refund-after-cancel' adds refund_id for the Worker to send to Stripe.
CREATE OR REPLACE FUNCTION shop_stripe_event(p_event text, p_type text, p_data jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_result json;
BEGIN
  INSERT INTO stripe_events (id, type, outcome) VALUES (p_event, p_type, 'received') ON CONFLICT (id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'duplicate', 'first', (SELECT result FROM stripe_events WHERE id = p_event));
  END IF;
  CASE
    WHEN p_type IN ('checkout.session.completed', 'checkout.session.async_payment_succeeded') THEN
      v_result := shop_stripe_session_paid(p_data);
    WHEN p_type = 'checkout.session.expired' THEN
      UPDATE payment_sessions SET status = 'expired' WHERE id = p_data->>'session_id' AND status = 'open';
      v_result := json_build_object('outcome', 'session-expired', 'order_id', (p_data->>'order_id')::integer);
    WHEN p_type = 'charge.refunded' THEN
      v_result := shop_stripe_charge_refunded(p_data);
    WHEN p_type IN ('refund.created', 'refund.updated', 'refund.failed') THEN
      v_result := shop_refund_settle((p_data->>'refund_id')::uuid, p_data->>'stripe_refund_id', p_data->>'status');
    ELSE
      v_result := json_build_object('outcome', 'ignored');
  END CASE;
  UPDATE stripe_events SET outcome = v_result->>'outcome', order_id = (v_result->>'order_id')::integer, result = v_result::jsonb
  WHERE id = p_event;
  RETURN v_result;
END
$$;

-- What every status change of an order writes besides the change itself, in the caller's
-- statement: the history row, the owner's notification (registered owners only; under the owner's
-- advisory lock, so notification ids commit in order) and the email for the new status, addressed
-- to the order's email (the outbox row is the promise that it will be sent). `p_order` is the row
-- after the change. Returns {notification, previous_notification_id, email_id} (the notification
-- fields are null for guest orders).
CREATE OR REPLACE FUNCTION shop_order_moved(p_order orders, p_from order_status, p_to order_status, p_actor integer) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_note record;
  v_email_id bigint;
BEGIN
  INSERT INTO order_status_history (order_id, from_status, to_status, changed_by) VALUES (p_order.id, p_from, p_to, p_actor);
  IF p_order.email IS NOT NULL THEN
    INSERT INTO email_outbox (to_address, template, data)
    VALUES (p_order.email, 'order_' || p_to::text, json_build_object('order', shop_order_json(p_order))::jsonb)
    RETURNING id INTO v_email_id;
  END IF;
  IF p_order.user_id IS NULL THEN
    RETURN json_build_object('notification', NULL, 'previous_notification_id', NULL, 'email_id', v_email_id);
  END IF;
  PERFORM pg_advisory_xact_lock(7301, p_order.user_id);
  SELECT * INTO v_note FROM shop_record_status_change(p_order.user_id, p_order.id, p_from, p_to);
  RETURN json_build_object('notification', v_note.notification, 'previous_notification_id', v_note.previous_id, 'email_id', v_email_id);
END
$$;

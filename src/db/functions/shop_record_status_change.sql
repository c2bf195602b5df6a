-- Notifications' own piece of a status change: the owner's notification row, and the id of the
-- owner's notification before it (0 if none), which lets the Notifier see a push that overtook
-- another. Callers hold the owner's advisory lock
-- (shop_notification_lock_key(), user), so ids commit in order.
CREATE OR REPLACE FUNCTION shop_record_status_change(p_user integer, p_order integer, p_from order_status, p_to order_status,
  OUT notification json, OUT previous_id integer)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(max(n.id), 0) INTO previous_id FROM notifications n WHERE n.user_id = p_user;
  INSERT INTO notifications (user_id, order_id, type, from_status, to_status)
  VALUES (p_user, p_order, 'order.status_changed', p_from, p_to)
  RETURNING json_build_object(
    'id', id, 'type', type, 'order_id', order_id, 'from_status', from_status, 'to_status', to_status,
    'created_at', shop_iso(created_at), 'read_at', NULL)
  INTO notification;
END
$$;

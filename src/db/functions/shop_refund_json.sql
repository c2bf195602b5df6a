-- A refund as the API shows it.
CREATE OR REPLACE FUNCTION shop_refund_json(r refunds) RETURNS json
LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', r.id,
    'order_id', r.order_id,
    'amount', r.amount::text,
    'restocked', r.restocked,
    'reason', r.reason,
    'status', r.status,
    'created_at', shop_iso(r.created_at))
$$;

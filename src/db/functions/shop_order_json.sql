-- An order as the API shows it (user_id included; the Worker drops it for customers).
CREATE OR REPLACE FUNCTION shop_order_json(o orders) RETURNS json
LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', o.id,
    'user_id', o.user_id,
    'status', o.status,
    'total', o.total::text,
    'items', coalesce((
      SELECT json_agg(json_build_object(
        'product_id', oi.product_id,
        'name', oi.name,
        'unit_price', oi.unit_price::text,
        'quantity', oi.quantity,
        'line_total', (oi.unit_price * oi.quantity)::text
      ) ORDER BY oi.id)
      FROM order_items oi WHERE oi.order_id = o.id), '[]'::json),
    'created_at', shop_iso(o.created_at),
    'updated_at', shop_iso(o.updated_at))
$$;

-- An order as the API shows it (user_id included; the Worker drops it for customers): status and
-- payment state, the totals breakdown, the copies of the address and the shipping method taken at
-- checkout, and each item with the SKU, options and image of that moment.
CREATE OR REPLACE FUNCTION shop_order_json(o orders) RETURNS json
LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'id', o.id,
    'user_id', o.user_id,
    'email', o.email,
    'status', o.status,
    'payment_status', o.payment_status,
    'payment_method', o.payment_method,
    'currency', o.currency,
    'subtotal', o.subtotal::text,
    'discount_total', o.discount_total::text,
    'shipping_total', o.shipping_total::text,
    'tax_total', o.tax_total::text,
    'total', o.total::text,
    'tax_rate', o.tax_rate::text,
    'amount_paid', o.amount_paid::text,
    'amount_refunded', o.amount_refunded::text,
    'discount_code', o.discount_code,
    'shipping_address', o.shipping_address,
    'shipping_method', o.shipping_method,
    'items', coalesce((
      SELECT json_agg(json_build_object(
        'product_id', oi.product_id,
        'variant_id', oi.variant_id,
        'sku', oi.sku,
        'options', oi.options,
        'image_url', oi.image_url,
        'name', oi.name,
        'unit_price', oi.unit_price::text,
        'quantity', oi.quantity,
        'line_total', (oi.unit_price * oi.quantity)::text,
        'discount', oi.discount::text,
        'tax', oi.tax::text
      ) ORDER BY oi.id)
      FROM order_items oi WHERE oi.order_id = o.id), '[]'::json),
    'expires_at', CASE WHEN o.status = 'pending' AND o.payment_status = 'unpaid' THEN shop_iso(o.expires_at) END,
    'paid_at', shop_iso(o.paid_at),
    'created_at', shop_iso(o.created_at),
    'updated_at', shop_iso(o.updated_at))
$$;

-- The Worker reaches Postgres over Neon's SQL-over-HTTP: one request per statement or batch. Every
-- decision that needs data (is every cart line in stock? may this order move on?) is made here, in
-- one statement, so row locks are held only while Postgres executes and never across a round trip.

-- Nothing an outsider triggers may hold a connection or a lock for long. Every new session of this
-- database (HTTP queries, the WebSocket pool) starts with these; a cancelled statement is a 503.
-- Bulk tools (migrations, the seed script) set their own session values.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '800ms');
  EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '500ms');
  EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '5s');
END
$$;
--> statement-breakpoint

-- Timestamps exactly as the API writes them (JavaScript's toISOString: UTC, milliseconds, "Z").
CREATE OR REPLACE FUNCTION shop_iso(ts timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
--> statement-breakpoint

-- For batches that an admin may run: raises SH401 (no such user) or SH403 (not an admin), which
-- aborts the whole batch before any of its writes commit.
CREATE OR REPLACE FUNCTION shop_require_admin(p_user integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_admin boolean;
BEGIN
  SELECT is_admin INTO v_admin FROM users WHERE id = p_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the access token names no user' USING ERRCODE = 'SH401';
  END IF;
  IF NOT v_admin THEN
    RAISE EXCEPTION 'this needs an admin account' USING ERRCODE = 'SH403';
  END IF;
END
$$;
--> statement-breakpoint

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
--> statement-breakpoint

-- Notifications' own piece of a status change: the owner's notification row, and the id of the
-- owner's notification before it (0 if none), which lets the Notifier see a push that overtook
-- another. Callers hold the owner's advisory lock (7301, user), so ids commit in order.
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
--> statement-breakpoint

-- Places an order from the user's whole cart, in one call:
--   1. locks the user (one checkout or cart change per user at a time: of a double click, the
--      second waits here and then finds the cart emptied, or replays the first by its key);
--   2. replays an earlier order with the same Idempotency-Key (or refuses the key with another body);
--   3. locks the products of the cart in id order, as every writer of stock does (no deadlocks);
--   4. refuses, changing nothing, when any live line is short or the total does not fit;
--   5. takes the stock, writes the order, its items at today's prices and its first history row,
--      deletes exactly the lines it ordered (a line added since stays) and records a catalog bump.
-- Returns {outcome, ...}: created | replayed | key-reused | empty-cart | insufficient-stock |
-- total-too-large | unknown-user.
CREATE OR REPLACE FUNCTION shop_place_order(p_user integer, p_key text, p_hash text) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_order orders;
  v_cart integer[];
  v_ids integer[];
  v_qty integer[];
  v_short json;
  v_total numeric;
  v_sold_out boolean;
  v_bump bigint;
BEGIN
  PERFORM 1 FROM users WHERE id = p_user FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'unknown-user');
  END IF;

  IF p_key IS NOT NULL THEN
    SELECT * INTO v_order FROM orders WHERE user_id = p_user AND idempotency_key = p_key;
    IF FOUND THEN
      IF v_order.request_hash IS DISTINCT FROM p_hash THEN
        RETURN json_build_object('outcome', 'key-reused');
      END IF;
      RETURN json_build_object('outcome', 'replayed', 'order', shop_order_json(v_order));
    END IF;
  END IF;

  SELECT array_agg(product_id ORDER BY product_id) INTO v_cart FROM cart_items WHERE user_id = p_user;
  PERFORM 1 FROM products WHERE id = ANY(v_cart) ORDER BY id FOR UPDATE;

  -- A product deleted after it was carted is not ordered (and not counted).
  SELECT coalesce(array_agg(p.id ORDER BY p.id), '{}'), coalesce(array_agg(ci.quantity ORDER BY p.id), '{}')
  INTO v_ids, v_qty
  FROM cart_items ci JOIN products p ON p.id = ci.product_id
  WHERE ci.user_id = p_user AND p.deleted_at IS NULL;
  IF cardinality(v_ids) = 0 THEN
    RETURN json_build_object('outcome', 'empty-cart');
  END IF;

  SELECT json_agg(json_build_object('product_id', p.id, 'name', p.name, 'requested', l.q, 'available', p.stock) ORDER BY p.id)
  INTO v_short
  FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id
  WHERE p.stock < l.q;
  IF v_short IS NOT NULL THEN
    RETURN json_build_object('outcome', 'insufficient-stock', 'products', v_short);
  END IF;

  SELECT sum(p.price * l.q) INTO v_total FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id;
  IF v_total > 9999999999.99 THEN
    RETURN json_build_object('outcome', 'total-too-large', 'total', v_total::text);
  END IF;

  WITH taken AS (
    UPDATE products p SET stock = p.stock - l.q, updated_at = now()
    FROM unnest(v_ids, v_qty) AS l(id, q)
    WHERE p.id = l.id
    RETURNING p.stock
  )
  SELECT bool_or(stock = 0) INTO v_sold_out FROM taken;

  INSERT INTO orders (user_id, total, idempotency_key, request_hash)
  VALUES (p_user, v_total, p_key, CASE WHEN p_key IS NULL THEN NULL ELSE p_hash END)
  RETURNING * INTO v_order;
  INSERT INTO order_items (order_id, product_id, name, unit_price, quantity)
  SELECT v_order.id, p.id, p.name, p.price, l.q
  FROM unnest(v_ids, v_qty) AS l(id, q) JOIN products p ON p.id = l.id
  ORDER BY p.id;
  INSERT INTO order_status_history (order_id, from_status, to_status, changed_by)
  VALUES (v_order.id, NULL, 'pending', p_user);
  DELETE FROM cart_items WHERE user_id = p_user AND product_id = ANY(v_ids);
  INSERT INTO catalog_bumps (counts) VALUES (v_sold_out) RETURNING id INTO v_bump;

  RETURN json_build_object('outcome', 'created', 'order', shop_order_json(v_order), 'sold_out', v_sold_out, 'bump_id', v_bump);
END
$$;
--> statement-breakpoint

-- Moves an order to p_to when its current status is one of p_from (the Worker holds the transition
-- table), in one call: the owner's advisory lock orders their notifications; the status is read
-- again under it, so of two racing changes the second sees the first. Cancelling returns the
-- stock (product locks in id order) and records a catalog bump. History and notification rows are
-- written in the same transaction.
-- Returns {outcome, ...}: changed | not-found | illegal | forbidden | unknown-user.
CREATE OR REPLACE FUNCTION shop_change_order_status(p_order integer, p_to order_status, p_from order_status[],
  p_actor integer, p_owner_only boolean) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_admin boolean;
  v_user integer;
  v_order orders;
  v_from order_status;
  v_back boolean := false;
  v_bump bigint;
  v_note record;
BEGIN
  SELECT is_admin INTO v_admin FROM users WHERE id = p_actor;
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'unknown-user');
  END IF;
  IF NOT p_owner_only AND NOT v_admin THEN
    RETURN json_build_object('outcome', 'forbidden');
  END IF;

  SELECT user_id INTO v_user FROM orders WHERE id = p_order AND (NOT p_owner_only OR user_id = p_actor);
  IF NOT FOUND THEN
    RETURN json_build_object('outcome', 'not-found');
  END IF;
  PERFORM pg_advisory_xact_lock(7301, v_user);

  SELECT * INTO v_order FROM orders WHERE id = p_order FOR UPDATE;
  v_from := v_order.status;
  IF NOT v_from = ANY(p_from) THEN
    RETURN json_build_object('outcome', 'illegal', 'from', v_from);
  END IF;

  UPDATE orders SET status = p_to, updated_at = now() WHERE id = p_order RETURNING * INTO v_order;
  IF p_to = 'cancelled' THEN
    PERFORM 1 FROM products WHERE id IN (SELECT product_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR UPDATE;
    WITH returned AS (
      UPDATE products p SET stock = p.stock + oi.quantity, updated_at = now()
      FROM order_items oi
      WHERE oi.order_id = p_order AND p.id = oi.product_id
      RETURNING p.stock, oi.quantity
    )
    SELECT coalesce(bool_or(stock = quantity), false) INTO v_back FROM returned;
    INSERT INTO catalog_bumps (counts) VALUES (v_back) RETURNING id INTO v_bump;
  END IF;
  INSERT INTO order_status_history (order_id, from_status, to_status, changed_by) VALUES (p_order, v_from, p_to, p_actor);
  SELECT * INTO v_note FROM shop_record_status_change(v_user, p_order, v_from, p_to);

  RETURN json_build_object(
    'outcome', 'changed',
    'order', shop_order_json(v_order),
    'notification', v_note.notification,
    'previous_notification_id', v_note.previous_id,
    'restocked', p_to = 'cancelled',
    'back_in_stock', v_back,
    'bump_id', v_bump);
END
$$;

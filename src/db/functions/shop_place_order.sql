-- Prices an order and, when `commit` is true, places it, in one call (one round trip):
--   1. locks the customer (a user's row; one checkout or cart change per user at a time, so of a
--      double click the second waits here and then finds the cart emptied or replays the first);
--   2. replays an earlier order with the same Idempotency-Key (or refuses the key with another body);
--   3. takes the lines (the user's cart, or the guest's `lines`), locks their variants in id order
--      and their products in id order (the discount row comes last, at step 6): the lock order of
--      every function that changes stock or redeems a code, so none of them deadlock;
--   4. resolves the address (given, the user's own by id, or the default), the shipping method
--      (given, or the cheapest that ships to the country), the tax rate (country and region, else
--      the country) and the discount code, refusing what does not hold;
--   5. computes the totals: line totals exact; percent discounts per line rounded half-up, fixed
--      discounts spread over the lines by largest remainder; shipping free from `free_over` (goods
--      after discount) or with a free-shipping code; tax per line and on shipping, rounded half-up;
--      total = subtotal − discount_total + shipping_total + tax_total. Prices exclude tax;
--   6. with `commit`, refuses short lines and a sixth unpaid pending order, then takes the stock,
--      writes the order with its copies, items, history row, email outbox row and catalog bump
--      (the taken stock comes back as shop_stock_cells, for the cache; updated_at stays the
--      admin's: an order changes stock, not the catalog's content),
--      deletes exactly the cart lines it ordered, and last takes the code's use by a conditional
--      UPDATE (a code used up meanwhile undoes it all). Nothing is written otherwise.
-- `p`: {user_id?, email?, guest_token_hash?, lines?: [{variant_id?|product_id?, quantity}],
--       address_id?, address?, method_id?, code?, key?, hash?, commit, hold_seconds, currency, max_unpaid}.
-- Returns {outcome, ...}: created | quoted | replayed | key-reused | empty-cart | unknown-user |
-- insufficient-stock | total-too-large | variant-required | unknown-variant | address-not-found |
-- shipping-method-not-found | shipping-unavailable | no-shipping-method | discount-* | too-many-unpaid.
CREATE OR REPLACE FUNCTION shop_place_order(p jsonb) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
  v_commit boolean := coalesce((p->>'commit')::boolean, false);
  v_user integer := (p->>'user_id')::integer;
  v_email text := p->>'email';
  v_key text := p->>'key';
  v_order orders;
  v_lines jsonb;
  v_bad json;
  v_addr jsonb;
  v_country text;
  v_method shipping_methods;
  v_method_json jsonb;
  v_rate numeric := 0;
  v_disc discounts;
  v_code text := nullif(trim(p->>'code'), '');
  v_used integer;
  v_subtotal numeric;
  v_discount numeric := 0;
  v_fixed_cents bigint;
  v_shipping numeric := 0;
  v_ship_tax numeric := 0;
  v_tax numeric := 0;
  v_total numeric;
  v_sold_out boolean;
  v_bump bigint;
  v_json json;
  v_email_id bigint;
BEGIN
  -- The lines being priced, made before any lock is taken. Kept by the session (emptied at every
  -- commit), so a pooled connection creates it once, not on every checkout.
  CREATE TEMP TABLE IF NOT EXISTS shop_checkout_lines_v1 (
    variant_id integer, product_id integer, name text, sku text, options jsonb, image_url text,
    price numeric(12,2), stock integer, q integer, line_total numeric, discount numeric DEFAULT 0, tax numeric DEFAULT 0, ord integer
  ) ON COMMIT DELETE ROWS;
  IF v_user IS NOT NULL THEN
    SELECT email INTO v_email FROM users WHERE id = v_user FOR NO KEY UPDATE;
    IF NOT FOUND THEN
      RETURN json_build_object('outcome', 'unknown-user');
    END IF;
    IF v_key IS NOT NULL THEN
      SELECT * INTO v_order FROM orders WHERE user_id = v_user AND idempotency_key = v_key;
      IF FOUND THEN
        IF v_order.request_hash IS DISTINCT FROM p->>'hash' THEN
          RETURN json_build_object('outcome', 'key-reused');
        END IF;
        RETURN json_build_object('outcome', 'replayed', 'order', shop_order_json(v_order));
      END IF;
    END IF;
  END IF;

  -- The requested lines: variant id and quantity, one line per variant.
  IF p ? 'lines' THEN
    WITH req AS (
      SELECT (l->>'variant_id')::integer AS variant_id, (l->>'product_id')::integer AS product_id, (l->>'quantity')::integer AS q, ord
      FROM jsonb_array_elements(p->'lines') WITH ORDINALITY AS x(l, ord)),
    resolved AS (
      SELECT req.*, coalesce(req.variant_id, (
        SELECT min(v.id) FROM variants v JOIN products pr ON pr.id = v.product_id AND pr.deleted_at IS NULL
        WHERE v.product_id = req.product_id AND v.deleted_at IS NULL
        HAVING count(*) = 1)) AS vid,
        (req.variant_id IS NULL AND (SELECT count(*) FROM variants v WHERE v.product_id = req.product_id AND v.deleted_at IS NULL) > 1) AS ambiguous
      FROM req)
    SELECT json_agg(json_build_object('index', ord - 1, 'variant_id', variant_id, 'product_id', product_id,
             'reason', CASE WHEN ambiguous THEN 'variant-required' ELSE 'unknown-variant' END) ORDER BY ord)
    INTO v_bad
    FROM resolved r
    WHERE r.vid IS NULL OR r.ambiguous OR NOT EXISTS (
      SELECT 1 FROM variants v JOIN products pr ON pr.id = v.product_id AND pr.deleted_at IS NULL
      WHERE v.id = r.vid AND v.deleted_at IS NULL);
    IF v_bad IS NOT NULL THEN
      RETURN json_build_object('outcome', 'unknown-variant', 'lines', v_bad);
    END IF;
    WITH req AS (
      SELECT (l->>'variant_id')::integer AS variant_id, (l->>'product_id')::integer AS product_id, (l->>'quantity')::integer AS q
      FROM jsonb_array_elements(p->'lines') AS x(l))
    SELECT jsonb_agg(jsonb_build_object('v', vid, 'q', q) ORDER BY vid) INTO v_lines
    FROM (
      SELECT coalesce(variant_id, (SELECT min(v.id) FROM variants v WHERE v.product_id = req.product_id AND v.deleted_at IS NULL)) AS vid, sum(q)::integer AS q
      FROM req GROUP BY 1) s;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('v', ci.variant_id, 'q', ci.quantity) ORDER BY ci.variant_id) INTO v_lines
    FROM cart_items ci WHERE ci.user_id = v_user;
  END IF;

  IF v_commit THEN
    PERFORM 1 FROM variants WHERE id IN (SELECT (x->>'v')::integer FROM jsonb_array_elements(coalesce(v_lines, '[]')) x) ORDER BY id FOR NO KEY UPDATE;
    PERFORM 1 FROM products WHERE id IN (
      SELECT v.product_id FROM variants v WHERE v.id IN (SELECT (x->>'v')::integer FROM jsonb_array_elements(coalesce(v_lines, '[]')) x))
    ORDER BY id FOR NO KEY UPDATE;
  END IF;

  -- What is really sold: live variants of live products (a line deleted since it was carted is
  -- neither ordered nor counted), at today's prices, read after the locks.
  DELETE FROM shop_checkout_lines_v1;
  INSERT INTO shop_checkout_lines_v1 (variant_id, product_id, name, sku, options, image_url, price, stock, q, line_total, ord)
  SELECT v.id, pr.id, pr.name, v.sku, v.options,
         (SELECT '/images/' || pi.key FROM product_images pi
          WHERE pi.id = v.image_id OR (v.image_id IS NULL AND pi.product_id = pr.id)
          ORDER BY (pi.id = v.image_id) DESC, pi.position, pi.id LIMIT 1),
         v.price, v.stock, (x->>'q')::integer, v.price * (x->>'q')::integer, row_number() OVER (ORDER BY v.id)
  FROM jsonb_array_elements(coalesce(v_lines, '[]')) x
  JOIN variants v ON v.id = (x->>'v')::integer AND v.deleted_at IS NULL
  JOIN products pr ON pr.id = v.product_id AND pr.deleted_at IS NULL;
  IF NOT EXISTS (SELECT 1 FROM shop_checkout_lines_v1) THEN
    RETURN json_build_object('outcome', 'empty-cart');
  END IF;

  -- The address: the given one, one of the user's own by id, or the user's default. None at all:
  -- an order that ships nowhere (no shipping, no tax).
  IF p ? 'address' AND jsonb_typeof(p->'address') = 'object' THEN
    v_addr := p->'address';
  ELSIF v_user IS NOT NULL THEN
    SELECT jsonb_build_object('name', name, 'line1', line1, 'line2', line2, 'city', city, 'region', region,
             'postal_code', postal_code, 'country', country, 'phone', phone)
    INTO v_addr FROM addresses
    WHERE user_id = v_user AND CASE WHEN p ? 'address_id' THEN id = (p->>'address_id')::integer ELSE is_default END;
  END IF;
  IF p ? 'address_id' AND v_addr IS NULL THEN
    RETURN json_build_object('outcome', 'address-not-found');
  END IF;
  v_country := upper(v_addr->>'country');

  SELECT sum(line_total) INTO v_subtotal FROM shop_checkout_lines_v1;

  -- The discount code, locked after the variants and products.
  IF v_code IS NOT NULL THEN
    -- Read without a lock: the use itself is taken at the very end, by a conditional UPDATE that
    -- holds the code's row only until the commit (see below).
    SELECT * INTO v_disc FROM discounts WHERE lower(code) = lower(v_code);
    IF NOT FOUND THEN
      RETURN json_build_object('outcome', 'discount-not-found', 'code', v_code);
    END IF;
    IF NOT v_disc.active THEN
      RETURN json_build_object('outcome', 'discount-inactive', 'code', v_disc.code);
    ELSIF v_disc.starts_at IS NOT NULL AND v_disc.starts_at > now() THEN
      RETURN json_build_object('outcome', 'discount-not-started', 'code', v_disc.code, 'starts_at', shop_iso(v_disc.starts_at));
    ELSIF v_disc.ends_at IS NOT NULL AND v_disc.ends_at <= now() THEN
      RETURN json_build_object('outcome', 'discount-expired', 'code', v_disc.code, 'ended_at', shop_iso(v_disc.ends_at));
    ELSIF v_disc.usage_limit IS NOT NULL AND v_disc.times_used >= v_disc.usage_limit THEN
      RETURN json_build_object('outcome', 'discount-used-up', 'code', v_disc.code, 'limit', 'usage_limit');
    END IF;
    IF v_disc.per_customer_limit IS NOT NULL AND v_email IS NOT NULL THEN
      SELECT count(*) INTO v_used FROM discount_redemptions WHERE discount_id = v_disc.id AND lower(email) = lower(v_email);
      IF v_used >= v_disc.per_customer_limit THEN
        RETURN json_build_object('outcome', 'discount-used-up', 'code', v_disc.code, 'limit', 'per_customer_limit');
      END IF;
    END IF;
    IF v_disc.min_subtotal IS NOT NULL AND v_subtotal < v_disc.min_subtotal THEN
      RETURN json_build_object('outcome', 'discount-min-subtotal', 'code', v_disc.code,
        'min_subtotal', v_disc.min_subtotal::text, 'missing', (v_disc.min_subtotal - v_subtotal)::text);
    END IF;
    IF v_disc.kind = 'percent' THEN
      UPDATE shop_checkout_lines_v1 SET discount = round(line_total * least(v_disc.value, 100) / 100, 2);
    ELSIF v_disc.kind = 'fixed' AND v_subtotal > 0 THEN
      -- Spread over the lines in proportion to their totals, in cents, by largest remainder: the
      -- parts add up exactly and none exceeds its line.
      v_fixed_cents := (least(v_disc.value, v_subtotal) * 100)::bigint;
      WITH share AS (
        SELECT variant_id, line_total * 100 AS lt,
               floor(v_fixed_cents * (line_total * 100) / (v_subtotal * 100)) AS base,
               (v_fixed_cents * (line_total * 100)) % (v_subtotal * 100) AS rest, ord
        FROM shop_checkout_lines_v1),
      ranked AS (
        SELECT variant_id, base, row_number() OVER (ORDER BY rest DESC, ord) AS rnk FROM share),
      extra AS (SELECT v_fixed_cents - sum(base) AS n FROM share)
      UPDATE shop_checkout_lines_v1 l SET discount = round((r.base + CASE WHEN r.rnk <= (SELECT n FROM extra) THEN 1 ELSE 0 END) / 100.0, 2)
      FROM ranked r WHERE r.variant_id = l.variant_id;
    END IF;
    SELECT sum(discount) INTO v_discount FROM shop_checkout_lines_v1;
  END IF;

  -- Shipping: only for an order with an address.
  IF v_addr IS NOT NULL THEN
    IF p ? 'method_id' THEN
      SELECT * INTO v_method FROM shipping_methods WHERE id = (p->>'method_id')::integer AND active;
      IF NOT FOUND THEN
        RETURN json_build_object('outcome', 'shipping-method-not-found');
      END IF;
      IF NOT v_country = ANY (v_method.countries) THEN
        RETURN json_build_object('outcome', 'shipping-unavailable', 'method', v_method.name, 'country', v_country);
      END IF;
    ELSE
      SELECT * INTO v_method FROM shipping_methods WHERE active AND v_country = ANY (countries) ORDER BY price, id LIMIT 1;
      IF NOT FOUND THEN
        RETURN json_build_object('outcome', 'no-shipping-method', 'country', v_country);
      END IF;
    END IF;
    v_shipping := v_method.price;
    IF (v_method.free_over IS NOT NULL AND v_subtotal - v_discount >= v_method.free_over)
       OR (v_disc.id IS NOT NULL AND v_disc.kind = 'free_shipping') THEN
      v_shipping := 0;
    END IF;
    v_method_json := jsonb_build_object('id', v_method.id, 'name', v_method.name, 'price', round(v_shipping, 2)::text);
    SELECT rate INTO v_rate FROM tax_rates
    WHERE country = v_country AND (lower(region) = lower(coalesce(v_addr->>'region', '')) OR region = '')
    ORDER BY region = '' LIMIT 1;
    v_rate := coalesce(v_rate, 0);
  END IF;

  UPDATE shop_checkout_lines_v1 SET tax = round((line_total - discount) * v_rate / 100, 2);
  v_ship_tax := round(v_shipping * v_rate / 100, 2);
  SELECT sum(tax) + v_ship_tax INTO v_tax FROM shop_checkout_lines_v1;
  v_total := v_subtotal - v_discount + v_shipping + v_tax;

  IF v_total > shop_max_money() THEN
    RETURN json_build_object('outcome', 'total-too-large', 'total', v_total::text);
  END IF;

  IF EXISTS (SELECT 1 FROM shop_checkout_lines_v1 WHERE stock < q) THEN
    RETURN json_build_object('outcome', 'insufficient-stock',
      'products', (SELECT json_agg(json_build_object('product_id', product_id, 'name', name, 'requested', q, 'available', stock) ORDER BY variant_id)
                   FROM shop_checkout_lines_v1 WHERE stock < q),
      'variants', (SELECT json_agg(json_build_object('variant_id', variant_id, 'product_id', product_id, 'sku', sku, 'options', options,
                     'requested', q, 'available', stock) ORDER BY variant_id)
                   FROM shop_checkout_lines_v1 WHERE stock < q));
  END IF;

  IF NOT v_commit THEN
    RETURN json_build_object('outcome', 'quoted', 'quote', json_build_object(
      'currency', p->>'currency',
      'subtotal', round(v_subtotal, 2)::text, 'discount_total', round(v_discount, 2)::text,
      'shipping_total', round(v_shipping, 2)::text, 'tax_total', round(v_tax, 2)::text,
      'total', round(v_total, 2)::text, 'tax_rate', round(v_rate, 2)::text,
      'discount_code', v_disc.code, 'shipping_address', v_addr, 'shipping_method', v_method_json,
      'items', (SELECT json_agg(json_build_object('product_id', product_id, 'variant_id', variant_id, 'name', name, 'sku', sku,
                  'options', options, 'unit_price', price::text, 'quantity', q, 'line_total', round(line_total, 2)::text,
                  'discount', round(discount, 2)::text, 'tax', round(tax, 2)::text) ORDER BY ord) FROM shop_checkout_lines_v1)));
  END IF;

  -- One account (or guest email) holds at most max_unpaid unpaid pending orders.
  IF (SELECT count(*) FROM orders o WHERE o.status = 'pending' AND o.payment_status = 'unpaid'
        AND CASE WHEN v_user IS NOT NULL THEN o.user_id = v_user ELSE o.user_id IS NULL AND lower(o.email) = lower(v_email) END)
     >= (p->>'max_unpaid')::integer THEN
    RETURN json_build_object('outcome', 'too-many-unpaid', 'max', (p->>'max_unpaid')::integer);
  END IF;

  -- The writes, in a block: a code that was used up by an order committed since it was read rolls
  -- them all back.
  BEGIN
    WITH taken AS (
      UPDATE variants v SET stock = v.stock - l.q
      FROM shop_checkout_lines_v1 l WHERE v.id = l.variant_id
      RETURNING v.product_id, l.q),
    per_product AS (SELECT product_id, sum(q) AS q FROM taken GROUP BY product_id),
    products_taken AS (
      UPDATE products pr SET stock = pr.stock - pp.q
      FROM per_product pp WHERE pr.id = pp.product_id
      RETURNING pr.stock)
    SELECT coalesce(bool_or(stock = 0), false) INTO v_sold_out FROM products_taken;

    INSERT INTO orders (user_id, email, guest_token_hash, currency, subtotal, discount_total, shipping_total, tax_total, tax_rate, total,
                        shipping_address, shipping_method, discount_code, expires_at, idempotency_key, request_hash)
    VALUES (v_user, v_email, p->>'guest_token_hash', p->>'currency', v_subtotal, v_discount, v_shipping, v_tax, v_rate, v_total,
            v_addr, v_method_json, v_disc.code, now() + make_interval(secs => (p->>'hold_seconds')::integer),
            v_key, CASE WHEN v_key IS NULL THEN NULL ELSE p->>'hash' END)
    RETURNING * INTO v_order;
    INSERT INTO order_items (order_id, product_id, variant_id, name, sku, options, image_url, unit_price, quantity, discount, tax)
    SELECT v_order.id, product_id, variant_id, name, sku, options, image_url, price, q, discount, tax
    FROM shop_checkout_lines_v1 ORDER BY ord;
    INSERT INTO order_status_history (order_id, from_status, to_status, changed_by) VALUES (v_order.id, NULL, 'pending', v_user);
    v_json := shop_order_json(v_order);
    INSERT INTO email_outbox (to_address, template, data) VALUES (v_email, 'order_placed', json_build_object('order', v_json)::jsonb)
    RETURNING id INTO v_email_id;
    IF v_user IS NOT NULL AND NOT p ? 'lines' THEN
      DELETE FROM cart_items WHERE user_id = v_user AND variant_id IN (SELECT variant_id FROM shop_checkout_lines_v1);
    END IF;
    INSERT INTO catalog_bumps (counts) VALUES (v_sold_out) RETURNING id INTO v_bump;

    -- The code's use, last: the row lock (taken in the lock order, after variants and products)
    -- is held only while the commit is made, so simultaneous orders with one code take turns fast,
    -- and the limit is re-checked against the latest committed count.
    IF v_disc.id IS NOT NULL THEN
      UPDATE discounts SET times_used = times_used + 1
      WHERE id = v_disc.id AND (usage_limit IS NULL OR times_used < usage_limit);
      IF NOT FOUND THEN
        RAISE EXCEPTION 'discount used up' USING ERRCODE = 'SH409';
      END IF;
      INSERT INTO discount_redemptions (order_id, discount_id, user_id, email) VALUES (v_order.id, v_disc.id, v_user, v_email);
    END IF;
  EXCEPTION WHEN SQLSTATE 'SH409' THEN
    RETURN json_build_object('outcome', 'discount-used-up', 'code', v_disc.code, 'limit', 'usage_limit');
  END;

  RETURN json_build_object('outcome', 'created', 'order', v_json, 'sold_out', v_sold_out, 'bump_id', v_bump, 'email_id', v_email_id,
    'stock', shop_stock_cells(ARRAY(SELECT variant_id FROM shop_checkout_lines_v1)));
END
$$;

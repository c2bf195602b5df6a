-- Counts one login attempt against every throttle key unless one is at its limit, and returns how
-- many seconds the caller must wait (0 = allowed and counted). The Postgres twin of the Redis script
-- in src/auth/throttle.ts, used only when Redis cannot count, so a Redis outage never lets an
-- attempt through uncounted. Rows are locked in key order (no two callers deadlock), so
-- simultaneous attempts are counted one by one; a refused attempt is not counted. A counter's window
-- starts at its first attempt and is not extended by later ones.
CREATE OR REPLACE FUNCTION shop_count_login_attempt(p_keys text[], p_limits integer[], p_window_seconds integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_wait integer;
BEGIN
  INSERT INTO login_throttle (key, count, expires_at)
  SELECT k.key, 0, now() + make_interval(secs => p_window_seconds)
  FROM unnest(p_keys) AS k(key) ORDER BY k.key
  ON CONFLICT (key) DO NOTHING;
  PERFORM 1 FROM login_throttle WHERE key = ANY (p_keys) ORDER BY key FOR UPDATE;
  SELECT coalesce(max(ceil(extract(epoch FROM t.expires_at - now())))::integer, 0) INTO v_wait
  FROM login_throttle t JOIN unnest(p_keys, p_limits) AS k(key, lim) ON k.key = t.key
  WHERE t.expires_at > now() AND t.count >= k.lim;
  IF v_wait > 0 THEN
    RETURN v_wait;
  END IF;
  UPDATE login_throttle t
  SET count = CASE WHEN t.expires_at > now() THEN t.count + 1 ELSE 1 END,
      expires_at = CASE WHEN t.expires_at > now() THEN t.expires_at ELSE now() + make_interval(secs => p_window_seconds) END
  WHERE t.key = ANY (p_keys);
  RETURN 0;
END
$$;

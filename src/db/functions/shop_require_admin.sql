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

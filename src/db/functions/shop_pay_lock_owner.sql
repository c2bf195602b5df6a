-- The first lock of every payment and refund function: the owner's advisory lock (7301, user), the
-- same one the order functions take first, so payments, refunds and status changes of one user's
-- orders queue behind each other instead of deadlocking. Guest orders have no user: their payment
-- and refund functions serialise on (7302, order id) instead. `known` is false for an unknown order.
CREATE OR REPLACE FUNCTION shop_pay_lock_owner(p_order integer, OUT known boolean, OUT owner integer)
LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.user_id INTO owner FROM orders o WHERE o.id = p_order;
  known := FOUND;
  IF NOT known THEN
    RETURN;
  END IF;
  IF owner IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(7301, owner);
  ELSE
    PERFORM pg_advisory_xact_lock(7302, p_order);
  END IF;
END
$$;

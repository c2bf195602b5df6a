-- The first key of the per-user advisory lock (pg_advisory_xact_lock(shop_notification_lock_key(),
-- user_id)) that every writer of a user's notifications holds, so their ids commit in order. Named
-- once here so no two functions can disagree about it; 7301 is arbitrary but must never change
-- while old and new functions can run side by side.
CREATE OR REPLACE FUNCTION shop_notification_lock_key() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 7301
$$;

-- The largest amount a money column (numeric(12,2): prices, order totals) holds. Checkout refuses a
-- total above it before writing anything. The Worker's MAX_MONEY_CENTS (src/lib/money.ts) is the
-- same number in cents; test/node/db-functions.test.ts fails when the two disagree.
CREATE OR REPLACE FUNCTION shop_max_money() RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 9999999999.99::numeric
$$;

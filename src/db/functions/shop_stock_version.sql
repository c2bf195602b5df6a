-- Trigger on variants and products (before update of stock): counts every change of a row's stock
-- in its stock_version, so the cache (src/catalog/stock-cache.ts) can tell an older stock value
-- from a newer one whatever order they reach Redis in. Row locks serialise the writers of a row,
-- so the count only grows.
CREATE OR REPLACE FUNCTION shop_stock_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.stock_version := OLD.stock_version + 1;
  RETURN NEW;
END
$$;

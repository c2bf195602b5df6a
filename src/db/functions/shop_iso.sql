-- Timestamps exactly as the API writes them (JavaScript's toISOString: UTC, milliseconds, "Z").
CREATE OR REPLACE FUNCTION shop_iso(ts timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

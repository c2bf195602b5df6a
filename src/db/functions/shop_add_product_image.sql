-- Adds an image as the last of a live product's pictures and returns its row (no row when there is
-- no such product). The product row lock (FOR NO KEY UPDATE: checkouts' KEY SHARE locks do not wait
-- for it) serialises every change to one product's images, and each statement below takes a fresh
-- snapshot after it, so two uploads at once get positions n and n + 1, never the same one.
CREATE OR REPLACE FUNCTION shop_add_product_image(p_product integer, p_key text, p_content_type text, p_width integer, p_height integer, p_byte_size integer, p_alt text)
RETURNS SETOF product_images
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM products WHERE id = p_product AND deleted_at IS NULL FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  RETURN QUERY
    INSERT INTO product_images (product_id, key, content_type, width, height, byte_size, alt, position)
    SELECT p_product, p_key, p_content_type, p_width, p_height, p_byte_size, p_alt, coalesce(max(position) + 1, 0)
    FROM product_images WHERE product_id = p_product
    RETURNING *;
END
$$;

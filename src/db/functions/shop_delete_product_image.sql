-- Removes an image from a live product and closes the gap in the others' positions. Returns its
-- storage key and whether any image row (of any product: identical bytes share one key) still
-- refers to that key, so the caller deletes the stored object only when none does; no row when the
-- image is not one of that product's. Serialised per product by the product row lock, as in
-- shop_add_product_image.
CREATE OR REPLACE FUNCTION shop_delete_product_image(p_product integer, p_image integer)
RETURNS TABLE (image_key text, still_referenced boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_key text;
BEGIN
  PERFORM 1 FROM products WHERE id = p_product AND deleted_at IS NULL FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  DELETE FROM product_images pi WHERE pi.id = p_image AND pi.product_id = p_product RETURNING pi.key INTO v_key;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  UPDATE product_images pi SET position = o.n
  FROM (SELECT id, (row_number() OVER (ORDER BY position, id) - 1)::integer AS n
        FROM product_images WHERE product_id = p_product) o
  WHERE pi.id = o.id AND pi.position <> o.n;
  RETURN QUERY SELECT v_key, EXISTS (SELECT 1 FROM product_images pi WHERE pi.key = v_key);
END
$$;

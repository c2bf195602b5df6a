-- Changes an image's alt text and/or moves it to another place among its product's pictures (NULL
-- leaves a field as it is). Moving renumbers the others around it so positions stay 0..n-1 in
-- order; a position past the end means the end. Returns the image's row, or no row when the image
-- is not one of that live product's. Serialised per product by the product row lock, as in
-- shop_add_product_image.
CREATE OR REPLACE FUNCTION shop_update_product_image(p_product integer, p_image integer, p_alt text, p_position integer)
RETURNS SETOF product_images
LANGUAGE plpgsql AS $$
DECLARE
  v_position integer;
BEGIN
  PERFORM 1 FROM products WHERE id = p_product AND deleted_at IS NULL FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM 1 FROM product_images WHERE id = p_image AND product_id = p_product;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF p_position IS NOT NULL THEN
    SELECT least(greatest(p_position, 0), count(*)::integer) INTO v_position
    FROM product_images WHERE product_id = p_product AND id <> p_image;
    UPDATE product_images pi SET position = CASE WHEN o.n < v_position THEN o.n ELSE o.n + 1 END
    FROM (SELECT id, (row_number() OVER (ORDER BY position, id) - 1)::integer AS n
          FROM product_images WHERE product_id = p_product AND id <> p_image) o
    WHERE pi.id = o.id AND pi.position IS DISTINCT FROM CASE WHEN o.n < v_position THEN o.n ELSE o.n + 1 END;
  END IF;
  RETURN QUERY
    UPDATE product_images SET alt = coalesce(p_alt, alt), position = coalesce(v_position, position)
    WHERE id = p_image
    RETURNING *;
END
$$;

import { sql } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { notFound } from "../lib/problem";
import type { ImageInfo } from "./image-format";

/** An image row as the statements below return it. */
export type ImageRow = {
  id: number;
  product_id: number;
  key: string;
  width: number;
  height: number;
  alt: string;
  position: number;
};

/** A write's result and the catalog bump it recorded in its own transaction (see src/catalog/catalog-version.ts). */
export interface Written<T> {
  value: T;
  bumpId: number;
}

/**
 * The bump row of an image write, recorded by the same statement only when it changed a row.
 * Pictures are product content, not list membership: cached counts stay (counts = false).
 */
const bumpAfter = (cte: string) => sql.raw(`bump as (insert into catalog_bumps (counts) select false where exists (select 1 from ${cte}) returning id)`);
const imageColumns = sql.raw("changed.id, changed.product_id, changed.key, changed.width, changed.height, changed.alt, changed.position");

const imageNotFound = () => notFound("Image");

export interface NewImage extends ImageInfo {
  key: string;
  byteSize: number;
  alt: string;
}

/** Adds the image as the product's last picture: the admin check and the insert in one round trip. */
export async function addImage(db: Database, adminId: number, productId: number, image: NewImage): Promise<Written<ImageRow>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<ImageRow & { bump_id: number }>(sql`
      with changed as (select * from shop_add_product_image(${productId}, ${image.key}, ${image.type}, ${image.width}, ${image.height}, ${image.byteSize}, ${image.alt})),
      ${bumpAfter("changed")}
      select ${imageColumns}, (select id from bump)::float8 as bump_id from changed`),
  ]);
  const row = rows[0];
  if (!row) throw notFound("Product");
  return { value: row, bumpId: row.bump_id };
}

export async function updateImage(db: Database, adminId: number, productId: number, imageId: number, input: { alt?: string; position?: number }): Promise<Written<ImageRow>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<ImageRow & { bump_id: number }>(sql`
      with changed as (select * from shop_update_product_image(${productId}, ${imageId}, ${input.alt ?? null}::text, ${input.position ?? null}::integer)),
      ${bumpAfter("changed")}
      select ${imageColumns}, (select id from bump)::float8 as bump_id from changed`),
  ]);
  const row = rows[0];
  if (!row) throw imageNotFound();
  return { value: row, bumpId: row.bump_id };
}

/** Removes the image row; says whether any row still refers to its stored bytes. */
export async function deleteImage(db: Database, adminId: number, productId: number, imageId: number): Promise<Written<{ key: string; stillReferenced: boolean }>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<{ image_key: string; still_referenced: boolean; bump_id: number }>(sql`
      with changed as (select * from shop_delete_product_image(${productId}, ${imageId})),
      ${bumpAfter("changed")}
      select changed.image_key, changed.still_referenced, (select id from bump)::float8 as bump_id from changed`),
  ]);
  const row = rows[0];
  if (!row) throw imageNotFound();
  return { value: { key: row.image_key, stillReferenced: row.still_referenced }, bumpId: row.bump_id };
}

/** Whether any image row refers to these bytes (checked again just before an object is deleted). */
export async function isKeyReferenced(db: Database, key: string): Promise<boolean> {
  const { rows } = await db.execute<{ referenced: boolean }>(sql`select exists (select 1 from product_images where key = ${key}) as referenced`);
  return rows[0]?.referenced === true;
}

// The one module that talks to the bucket (Cloudflare R2 through the IMAGES binding; locally the
// same binding backed by Miniflare's bucket or, under `npm run serve`, by scripts/stand-ins/r2.ts).
// Objects are named by the SHA-256 of their bytes, so a name always means the same bytes: storing
// is idempotent and identical uploads share one object.

/** Hex SHA-256 of the bytes: the object's key. */
export async function contentKey(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** What a key looks like; anything else names no object, so it is answered without asking the bucket. */
export const isContentKey = (key: string) => /^[0-9a-f]{64}$/.test(key);

/** Stores the bytes unless an object with this key (hence these bytes) is already there. */
export async function storeOnce(bucket: R2Bucket, key: string, bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<void> {
  if (await bucket.head(key)) return;
  await bucket.put(key, bytes, { httpMetadata: { contentType } });
}

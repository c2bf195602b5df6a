/** Valid JSON followed by whitespace (still valid JSON) up to exactly `bytes` bytes. */
export function paddedJson(value: unknown, bytes: number): string {
  const json = JSON.stringify(value);
  const size = new TextEncoder().encode(json).length;
  if (size > bytes) throw new Error("value is already larger than the padding target");
  return json + " ".repeat(bytes - size);
}

export const MAX_BODY_BYTES = 64 * 1024;

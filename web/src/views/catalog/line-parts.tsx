// What a cart line or an order item shows of its variant: the option values (and SKU) and a small picture.
import { optionText, type Choice } from "../../variant-choice";

/** "Size: L · SKU: TEE-L"; nothing for a product without options (unless a SKU is asked for). */
export function OptionValues({ options, sku }: { options: Choice; sku?: string }) {
  const text = [optionText(options), sku ? `SKU: ${sku}` : ""].filter(Boolean).join(" · ");
  return text ? <span class="muted option-values">{text}</span> : null;
}

const THUMB = 64;

/**
 * A line's picture in a fixed 64 px box (CSS crops it to fill), so its size is known before it loads
 * even where the API gives only a URL (order items). Decorative: the product's name is beside it.
 */
export function LinePicture({ image }: { image: { url: string; width?: number; height?: number } | null | undefined }) {
  if (!image) return null;
  return <img class="line-picture" src={image.url} width={image.width ?? THUMB} height={image.height ?? THUMB} alt="" loading="lazy" decoding="async" />;
}

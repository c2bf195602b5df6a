import type { ProductImage } from "../../catalog";

/**
 * A product picture with the width and height the API read from its bytes, so the browser reserves
 * its box before the bytes arrive (CSS scales it, keeping that ratio). The API serves each picture in
 * one size only (`/images/{key}`, no resizing), so there is no `srcset` to offer.
 */
export function Picture({ image, lazy = false, class: className, alt }: { image: ProductImage; lazy?: boolean; class?: string; alt?: string }) {
  return (
    <img
      class={className}
      src={image.url}
      width={image.width}
      height={image.height}
      alt={alt ?? image.alt}
      loading={lazy ? "lazy" : "eager"}
      decoding="async"
      fetchpriority={lazy ? undefined : "high"}
    />
  );
}

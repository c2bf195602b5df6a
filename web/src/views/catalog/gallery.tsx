import { useEffect, useState } from "preact/hooks";
import type { ProductImage } from "../../catalog";
import { Picture } from "./picture";

/**
 * The product's pictures: `main` large (the chosen variant's, else the first; loaded at once, it is
 * above the fold), the others as buttons below (loaded lazily) that show theirs large instead.
 */
export function Gallery({ images, main }: { images: ProductImage[]; main: ProductImage | undefined }) {
  const [picked, setPicked] = useState<number | null>(null);
  // Choosing another variant brings its picture forward again.
  useEffect(() => setPicked(null), [main?.id]);
  const shown = images.find((image) => image.id === picked) ?? main;
  if (!shown) return null;
  return (
    <div class="gallery">
      <Picture image={shown} class="gallery-main" />
      {images.length > 1 && (
        <ul class="gallery-thumbs" aria-label="Pictures">
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                class="gallery-thumb"
                aria-pressed={image.id === shown.id}
                aria-label={`Picture ${i + 1} of ${images.length}${image.alt ? `: ${image.alt}` : ""}`}
                onClick={() => setPicked(image.id)}
              >
                <Picture image={image} lazy alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

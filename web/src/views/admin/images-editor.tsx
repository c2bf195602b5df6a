import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert, useFormAction } from "../../ui";
import { ImageRow } from "./image-row";

/** What the API takes (src/images/upload.ts checks the bytes themselves, whatever the browser says). */
const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";
const MAX_BYTES = 5 * 1024 * 1024;

/** Uploads one file as the raw request body, with the file's type (or none: the API reads the bytes). */
function upload(product: Product, file: File, alt: string) {
  return call(() =>
    api.POST("/api/products/{id}/images", {
      params: { path: { id: pathId(product.id) }, query: alt ? { alt } : {} },
      // The document types an image body as a string; the bytes go as they are.
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as string,
      headers: { "Content-Type": file.type || "application/octet-stream" },
    }),
  );
}

/** A product's pictures: upload (JPEG, PNG, WebP or AVIF up to 5 MiB), then alt text, order and delete. */
export function ImagesEditor({ product, onChanged }: { product: Product; onChanged(): Promise<void> }) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    if (file.size > MAX_BYTES) throw new Error(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MiB; a picture may be at most 5 MiB.`);
    const image = await upload(product, file, String(data.get("alt") ?? "").trim());
    form.reset();
    say(`Uploaded ${file.name} (${image.width} × ${image.height}).`);
    await onChanged();
  });
  return (
    <section class="card editor" aria-labelledby="images-heading">
      <h2 id="images-heading">Pictures</h2>
      {product.images.length === 0 ? (
        <p class="muted">No pictures yet.</p>
      ) : (
        <ol class="image-list" aria-label={`Pictures of ${product.name}`}>
          {product.images.map((image, i) => (
            <ImageRow key={image.id} product={product} image={image} index={i} onChanged={onChanged} />
          ))}
        </ol>
      )}
      <form class="stack narrow" aria-label="Upload a picture" onSubmit={onSubmit}>
        <h3>Upload a picture</h3>
        <div class="field">
          <label for="image-file">Picture file</label>
          <input id="image-file" name="file" type="file" accept={ACCEPT} required aria-describedby="image-file-hint" />
          <span class="hint" id="image-file-hint">
            JPEG, PNG, WebP or AVIF, at most 5 MiB and 12,000 pixels each way. The first picture is the product's main one.
          </span>
        </div>
        <div class="field">
          <label for="image-alt">Alt text</label>
          <input id="image-alt" name="alt" maxLength={500} aria-describedby="image-alt-hint" />
          <span class="hint" id="image-alt-hint">
            What the picture shows, for people who cannot see it.
          </span>
        </div>
        <ProblemAlert error={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload picture"}
        </button>
      </form>
    </section>
  );
}

import { useState } from "preact/hooks";
import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ActionButton, ProblemAlert, useFormAction } from "../../ui";
import { DeleteButton } from "./delete-button";

type ProductImage = Product["images"][number];

/** One picture: its thumbnail (width and height set, so nothing moves while it loads), alt text, place and delete. */
export function ImageRow({ product, image, index, onChanged }: { product: Product; image: ProductImage; index: number; onChanged(): Promise<void> }) {
  const [error, setError] = useState<unknown>(null);
  const name = image.alt ? `picture “${image.alt}”` : `picture ${index + 1}`;
  const path = { id: pathId(product.id), image_id: pathId(image.id) };
  const move = async (position: number) => {
    try {
      await call(() => api.PATCH("/api/products/{id}/images/{image_id}", { params: { path }, body: { position } }));
      setError(null);
      say(`Moved ${name} to place ${position + 1}.`);
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  const alt = useFormAction(async (form) => {
    const text = String(new FormData(form).get("alt") ?? "").trim();
    if (text === image.alt) return;
    await call(() => api.PATCH("/api/products/{id}/images/{image_id}", { params: { path }, body: { alt: text } }));
    say(`Alt text of picture ${index + 1} saved.`);
    await onChanged();
  });
  return (
    <li class="image-row" data-image-id={image.id}>
      <img class="thumb" src={image.url} width={image.width} height={image.height} alt={image.alt} />
      <div class="grow stack">
        <span class="muted">
          {index + 1}. <span class="image-size">{image.width} × {image.height}</span> px
        </span>
        <form class="inline-form" onSubmit={alt.onSubmit} key={image.alt}>
          <div class="field grow">
            <label for={`alt-${image.id}`}>Alt text of picture {index + 1}</label>
            <input id={`alt-${image.id}`} name="alt" maxLength={500} defaultValue={image.alt} />
          </div>
          <button class="button button-quiet" type="submit" disabled={alt.busy}>
            Save<span class="visually-hidden"> alt text of picture {index + 1}</span>
          </button>
          <ProblemAlert error={alt.error} />
        </form>
        <div class="row">
          <ActionButton class="button button-quiet" label={`Move ${name} earlier`} disabled={index === 0} onAction={() => move(index - 1)}>
            ↑ Earlier
          </ActionButton>
          <ActionButton class="button button-quiet" label={`Move ${name} later`} disabled={index === product.images.length - 1} onAction={() => move(index + 1)}>
            ↓ Later
          </ActionButton>
          <DeleteButton
            what={name}
            onDelete={async () => {
              try {
                await call(() => api.DELETE("/api/products/{id}/images/{image_id}", { params: { path } }));
                say(`Deleted ${name}.`);
                await onChanged();
              } catch (e) {
                setError(e);
              }
            }}
          />
        </div>
        <ProblemAlert error={error} />
      </div>
    </li>
  );
}

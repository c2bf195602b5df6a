import { useState } from "preact/hooks";
import { api, pathId, type Product } from "../../api/client";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert, useFormAction } from "../../ui";

/** The API's limit (src/catalog/catalog.schemas.ts): a product has at most 3 options. */
const MAX_OPTIONS = 3;

interface Draft {
  name: string;
  values: string;
}

const draftsOf = (product: Product): Draft[] => product.options.map((o) => ({ name: o.name, values: o.values.join(", ") }));

/**
 * A product's options (Size, Colour, …) and their values, saved together. The API decides what may
 * change: every live variant must still fit (400 naming the one that would not).
 */
export function OptionsEditor({ product, onChanged }: { product: Product; onChanged(next: Product): void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(product));
  const edit = (i: number, change: Partial<Draft>) => setDrafts((current) => current.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const { busy, error, onSubmit } = useFormAction(async () => {
    const options = drafts.map((d) => ({
      name: d.name.trim(),
      values: d.values
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    }));
    const saved = await call(() => api.PATCH("/api/products/{id}", { params: { path: { id: pathId(product.id) } }, body: { options } }));
    setDrafts(draftsOf(saved));
    onChanged(saved);
    say(`${saved.name}: options saved.`);
  });
  return (
    <section class="card editor" aria-labelledby="options-heading">
      <h2 id="options-heading">Options</h2>
      <p class="hint">
        Up to {MAX_OPTIONS}, such as Size or Colour; each variant takes one value of each. A product with one variant that gets its first options gives that
        variant the first value of each.
      </p>
      <form class="stack" onSubmit={onSubmit}>
        {drafts.length === 0 && <p class="muted">No options: the product is sold as one variant.</p>}
        {drafts.map((draft, i) => (
          <fieldset key={i} class="option-row">
            <legend>Option {i + 1}</legend>
            <div class="field">
              <label for={`option-${i}-name`}>Option {i + 1} name</label>
              <input id={`option-${i}-name`} required maxLength={50} value={draft.name} onInput={(e) => edit(i, { name: e.currentTarget.value })} />
            </div>
            <div class="field grow">
              <label for={`option-${i}-values`}>Option {i + 1} values</label>
              <input
                id={`option-${i}-values`}
                required
                aria-describedby="option-values-hint"
                value={draft.values}
                onInput={(e) => edit(i, { values: e.currentTarget.value })}
              />
            </div>
            <button type="button" class="button button-quiet" onClick={() => setDrafts((current) => current.filter((_, j) => j !== i))}>
              Remove option {i + 1}
            </button>
          </fieldset>
        ))}
        <span class="hint" id="option-values-hint">
          Values separated by commas, such as S, M, L.
        </span>
        <ProblemAlert error={error} />
        <div class="row">
          <button type="button" class="button button-quiet" disabled={drafts.length >= MAX_OPTIONS} onClick={() => setDrafts((current) => [...current, { name: "", values: "" }])}>
            Add an option
          </button>
          <button type="submit" class="button button-primary" disabled={busy}>
            Save options
          </button>
        </div>
      </form>
    </section>
  );
}

import type { Product } from "../../api/client";
import type { Variant } from "../../catalog";
import { stockText, variantFor } from "../../variant-choice";
import { Price } from "../../ui";

/**
 * One radio group per option. Each value shows the price and stock of the variant it leads to
 * (`variantFor`); a value whose variant is sold out, or that no variant has, cannot be picked (the
 * browser's arrow keys skip it too).
 */
export function VariantPicker({ product, chosen, onChoose }: { product: Product; chosen: Variant; onChoose(variant: Variant): void }) {
  return (
    <div class="variant-picker">
      {product.options.map((option, o) => (
        <fieldset key={option.name} class="option-group">
          <legend>{option.name}</legend>
          <div class="choices">
            {option.values.map((value) => {
              const target = variantFor(product.variants, chosen.options, option.name, value);
              return (
                <label key={value} class="choice">
                  <input
                    type="radio"
                    name={`product-${product.id}-option-${o}`}
                    value={value}
                    checked={chosen.options[option.name] === value}
                    disabled={!target?.in_stock}
                    onChange={() => target && onChoose(target)}
                  />
                  <span class="choice-value">{value}</span>{" "}
                  <span class="choice-meta">
                    {target ? (
                      <>
                        <Price value={target.price} /> · {stockText(target.stock, target.in_stock)}
                      </>
                    ) : (
                      "Not available"
                    )}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

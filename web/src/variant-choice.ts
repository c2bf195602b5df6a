// Choosing a variant by its option values: plain functions over the API's variant shape (no imports,
// so test/node/variant-choice.test.ts runs them as they are).

/** A value for each of a product's options, by option name: `{ Size: "L" }`. */
export type Choice = Record<string, string>;

/** What these functions read of a variant (the API's `Variant`). */
export interface Choosable {
  options: Choice;
  stock: number;
  in_stock: boolean;
}

/** "Size: L · Colour: Red" (empty for a product without options). */
export function optionText(options: Choice): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(" · ");
}

function matches(variant: Choosable, choice: Choice): boolean {
  return Object.entries(choice).every(([name, value]) => variant.options[name] === value);
}

/** The variant a product page starts on: the first one in stock, else the first. */
export function firstVariant<V extends Choosable>(variants: readonly V[]): V | undefined {
  return variants.find((v) => v.in_stock) ?? variants[0];
}

/**
 * What picking `value` for option `name` leads to, keeping the other choices where it can: the
 * variant with exactly those values when it is in stock, else the first in-stock variant with that
 * value (the other options follow it), else the sold-out variant with exactly those values (shown,
 * never selectable), else none (no variant has the value with the other choices).
 */
export function variantFor<V extends Choosable>(variants: readonly V[], choice: Choice, name: string, value: string): V | undefined {
  const exact = variants.find((v) => matches(v, { ...choice, [name]: value }));
  if (exact?.in_stock) return exact;
  return variants.find((v) => v.in_stock && v.options[name] === value) ?? exact;
}

/** In-stock wording shared by cards, the product page and the picker (exact counts only when few are left). */
export function stockText(stock: number, inStock: boolean): string {
  if (!inStock) return "Out of stock";
  return stock < 10 ? `Only ${stock} left` : "In stock";
}

import type { ProductOption } from "../db/schema";

/** A field problem under a variant (`options.Size`) or a product body (`variants.2.options.Size`). */
export interface OptionProblem {
  path: (string | number)[];
  message: string;
}

const listed = (values: string[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** Why a variant's `{ name: value }` does not fit its product's options: it must name each option once, with an allowed value. */
export function variantOptionProblems(options: ProductOption[], given: Record<string, string>): OptionProblem[] {
  const problems: OptionProblem[] = [];
  for (const option of options) {
    const value = given[option.name];
    if (value === undefined) problems.push({ path: ["options", option.name], message: `Required: one of ${listed(option.values)}.` });
    else if (!option.values.includes(value)) problems.push({ path: ["options", option.name], message: `Must be one of ${listed(option.values)}.` });
  }
  const names = new Set(options.map((o) => o.name));
  for (const name of Object.keys(given)) {
    if (names.has(name)) continue;
    const message = options.length === 0 ? "The product has no options: add them to the product first." : `Not an option of the product (its options: ${listed([...names])}).`;
    problems.push({ path: ["options", name], message });
  }
  return problems;
}

/** A variant's option values in the product's option order: two variants with the same key are the same combination. */
export const combinationKey = (options: ProductOption[], given: Record<string, string>) => JSON.stringify(options.map((o) => given[o.name] ?? null));

/** The problems of a whole list of new variants: each must fit the options, and no two may be alike. */
export function variantListProblems(options: ProductOption[], variants: { options?: Record<string, string> }[]): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const seen = new Map<string, number>();
  variants.forEach((variant, i) => {
    const given = variant.options ?? {};
    const own = variantOptionProblems(options, given);
    problems.push(...own.map((p) => ({ path: ["variants", i, ...p.path], message: p.message })));
    if (own.length > 0) return;
    const key = combinationKey(options, given);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else problems.push({ path: ["variants", i, "options"], message: `The same options as variants.${first}: each variant needs its own combination.` });
  });
  return problems;
}

/** The variant a product without options gets when options are added to it: the first value of each (as Shopify does). */
export function firstValues(options: ProductOption[]): Record<string, string> {
  return Object.fromEntries(options.map((o) => [o.name, o.values[0]!]));
}

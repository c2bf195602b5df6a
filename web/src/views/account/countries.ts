import { COUNTRY_CODES } from "../../../../src/shared/countries";

export interface CountryOption {
  code: string;
  name: string;
}

let options: CountryOption[] | null = null;

/**
 * Every code the API accepts (src/shared/countries.ts, the Worker's own list), named in the
 * browser's language by Intl.DisplayNames and sorted by that name.
 */
export function countryOptions(): CountryOption[] {
  if (options) return options;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(undefined, { type: "region" });
  } catch {
    // no display names here: the codes alone
  }
  options = COUNTRY_CODES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
  return options;
}

/** "Germany" for "DE" (the code itself when the browser cannot name it). */
export function countryName(code: string): string {
  return countryOptions().find((c) => c.code === code)?.name ?? code;
}

import { z } from "@hono/zod-openapi";
import { COUNTRY_CODES, type CountryCodeValue } from "../shared/countries";

export { COUNTRY_CODES, type CountryCodeValue };

const known: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** True for an assigned ISO 3166-1 alpha-2 code in upper case ("DE"), false for anything else. */
export function isCountryCode(code: string): code is CountryCodeValue {
  return known.has(code);
}

/**
 * A country in a request: an ISO 3166-1 alpha-2 code in either case, normalised to upper case
 * ("de" → "DE"). Anything else is a 400 naming the field: "Unknown country code …".
 */
export const CountryCode = z
  .string()
  .transform((value, ctx): CountryCodeValue => {
    const code = value.trim().toUpperCase();
    if (!isCountryCode(code)) {
      ctx.addIssue({ code: "custom", message: `Unknown country code ${JSON.stringify(value.slice(0, 8))}: use an ISO 3166-1 alpha-2 code such as "DE".` });
      return z.NEVER;
    }
    return code;
  })
  .openapi({ type: "string", minLength: 2, maxLength: 2, pattern: "^[A-Za-z]{2}$", example: "DE", description: "ISO 3166-1 alpha-2 country code (either case; stored in upper case)." });

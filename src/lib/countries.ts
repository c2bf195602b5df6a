import { z } from "@hono/zod-openapi";

/**
 * The officially assigned ISO 3166-1 alpha-2 codes (249). Reserved and user-assigned codes (UK, EU,
 * XK, …) are not countries an address can be in, so they are not accepted.
 */
export const COUNTRY_CODES = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
  "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ",
  "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ",
  "DE", "DJ", "DK", "DM", "DO", "DZ",
  "EC", "EE", "EG", "EH", "ER", "ES", "ET",
  "FI", "FJ", "FK", "FM", "FO", "FR",
  "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY",
  "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
  "JE", "JM", "JO", "JP",
  "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ",
  "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
  "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
  "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
  "OM",
  "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY",
  "QA",
  "RE", "RO", "RS", "RU", "RW",
  "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ",
  "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ",
  "UA", "UG", "UM", "US", "UY", "UZ",
  "VA", "VC", "VE", "VG", "VI", "VN", "VU",
  "WF", "WS",
  "YE", "YT",
  "ZA", "ZM", "ZW",
] as const;

export type CountryCodeValue = (typeof COUNTRY_CODES)[number];

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

import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, CountryCode, isCountryCode } from "../../src/lib/countries";

// The ISO 3166-1 alpha-2 list the API accepts: every assigned code, nothing reserved.

describe("CountryCode", () => {
  it("knows all 249 assigned codes, each two upper-case letters, once", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect([...COUNTRY_CODES]).toEqual([...COUNTRY_CODES].sort());
  });

  it("accepts either case and gives upper case", () => {
    for (const [input, output] of [["de", "DE"], ["De", "DE"], ["GB", "GB"], ["ax", "AX"], ["ss", "SS"], ["xk", null], ["uk", null], ["eu", null], ["", null], ["DEU", null], ["D", null]] as const) {
      const parsed = CountryCode.safeParse(input);
      expect(parsed.success ? parsed.data : null, input).toBe(output);
    }
    expect(isCountryCode("FR")).toBe(true);
    expect(isCountryCode("fr")).toBe(false);
  });

  it("names the unknown code in its message", () => {
    const parsed = CountryCode.safeParse("qq");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^Unknown country code "qq"/);
  });
});

import { z } from "@hono/zod-openapi";

/**
 * Money in requests: a number or a decimal string, at most two decimals, not negative, below 10^10
 * (numeric(12,2)). Normalised to a string Postgres stores exactly; no float arithmetic anywhere.
 */
export const MoneyInput = z
  .union([z.string().max(32, "Must be a non-negative amount with at most two decimals, such as 19.99."), z.number()])
  .transform((value, ctx) => {
    const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: "Must be a non-negative amount with at most two decimals, such as 19.99." });
      return z.NEVER;
    }
    return toMoneyString(text);
  })
  .openapi({ type: "string", maxLength: 32, example: "19.99", description: "Decimal string (a JSON number is accepted too), at most two decimals." });

/** numeric(12,2): the largest amount a price or an order total column holds, in cents. */
export const MAX_MONEY_CENTS = 999_999_999_999n;

/** Totals of a cart can pass an order's cap (the 409 says so): room for 10^20. */
export const MoneyOutput = z.string().openapi({ example: "19.99", pattern: "^\\d+\\.\\d{2}$", maxLength: 24 });

/** "5" → "5.00", "5.5" → "5.50" (string work, not floats). */
export function toMoneyString(text: string): string {
  const [whole = "0", fraction = ""] = text.split(".");
  return `${whole.replace(/^0+(?=\d)/, "")}.${fraction.padEnd(2, "0")}`;
}

/** "12.30" → 1230n: exact comparison of normalised money strings. */
export function moneyToCents(money: string): bigint {
  return BigInt(money.replace(".", ""));
}

/** 1230n → "12.30". */
export function centsToMoney(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

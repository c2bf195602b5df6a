// Money as the API sends it ("12.50") in whole cents, for the few sums the admin screens make
// themselves (what is left to refund, and the order after a refund: the refund endpoint answers
// with the refund, not the order).
import type { PaymentStatus } from "../../../../src/shared/contract";

export function toCents(amount: string): number {
  const [whole = "0", fraction = ""] = amount.trim().split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}

export function fromCents(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** As the database derives it (src/db/functions/shop_pay_status.sql). */
export function paymentStatusOf(paidCents: number, refundedCents: number): PaymentStatus {
  if (paidCents <= 0) return "unpaid";
  if (refundedCents <= 0) return "paid";
  if (refundedCents >= paidCents) return "refunded";
  return "partially_refunded";
}

/**
 * No amount: the API takes null to clear an optional amount (`free_over`, `min_subtotal`; see
 * src/shipping/shipping.schemas.ts, src/discounts/discounts.schemas.ts), though the document types
 * those fields as strings only.
 */
export const NO_AMOUNT = null as unknown as string;

/** What a money input takes: up to 10 digits, up to two decimals (as the API's MoneyInput). */
export const MONEY_PATTERN = "\\d{1,10}(\\.\\d{1,2})?";

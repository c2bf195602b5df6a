import type { Quote } from "../../api/client";
import { Price } from "../../ui";

/** What a quote and an order both carry: the parts of the total. */
export type Totals = Pick<Quote, "subtotal" | "discount_total" | "shipping_total" | "tax_total" | "total" | "tax_rate" | "discount_code" | "shipping_method">;

const isZero = (amount: string) => /^0+(\.0+)?$/.test(amount);

/** The breakdown, line by line: subtotal − discount + shipping + tax = total (names the code, the method and the rate). */
export function Breakdown({ totals, label = "Order total" }: { totals: Totals; label?: string }) {
  const method = totals.shipping_method;
  return (
    <dl class="breakdown" aria-label={label}>
      <div>
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">
          <Price value={totals.subtotal} />
        </dd>
      </div>
      {(totals.discount_code || !isZero(totals.discount_total)) && (
        <div>
          <dt>Discount{totals.discount_code ? ` (${totals.discount_code})` : ""}</dt>
          <dd data-testid="discount">
            −<Price value={totals.discount_total} />
          </dd>
        </div>
      )}
      <div>
        <dt>Shipping{method ? ` (${method.name})` : ""}</dt>
        <dd data-testid="shipping">
          {method && isZero(totals.shipping_total) ? (
            <>
              <span class="free">Free</span> <Price value={totals.shipping_total} />
            </>
          ) : (
            <Price value={totals.shipping_total} />
          )}
        </dd>
      </div>
      <div>
        <dt>Tax ({totals.tax_rate}%)</dt>
        <dd data-testid="tax">
          <Price value={totals.tax_total} />
        </dd>
      </div>
      <div class="breakdown-total">
        <dt>Total</dt>
        <dd data-testid="total">
          <Price value={totals.total} />
        </dd>
      </div>
    </dl>
  );
}

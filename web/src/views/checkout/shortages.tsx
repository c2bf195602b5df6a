import { ApiError, type Shortage } from "../../api/client";
import { removeFromCart, setQuantity } from "../../cart";
import { ActionButton } from "../../ui";

/** The variant a shortage is about: the problem's `variants` name it; a one-variant product's id is its variant's. */
function variantOf(error: ApiError, shortage: Shortage): number {
  return error.problem.variants?.find((v) => v.product_id === shortage.product_id)?.variant_id ?? shortage.product_id;
}

/** What a 409 "insufficient stock" says, product by product, with the fix one click away. */
export function Shortages({ error, onFixed }: { error: unknown; onFixed(): void }) {
  if (!(error instanceof ApiError) || !error.problem.products?.length) return null;
  return (
    <ul class="shortages">
      {error.problem.products.map((s) => {
        const variantId = variantOf(error, s);
        return (
          <li key={s.product_id}>
            <strong>{s.name}</strong>: {s.available === 0 ? "sold out" : `only ${s.available} available`}, you asked for {s.requested}.{" "}
            {s.available > 0 ? (
              <ActionButton class="link" onAction={() => setQuantity(variantId, s.available).then(onFixed)}>
                Take {s.available}
              </ActionButton>
            ) : (
              <ActionButton class="link" onAction={() => removeFromCart(variantId).then(onFixed)}>
                Remove it
              </ActionButton>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import type { ShippingMethod } from "../../api/client";
import { Price } from "../../ui";

/** The methods that ship to the chosen country, cheapest first (as the API lists them), as radio buttons. */
export function ShippingChoice({ methods, value, onChange, name = "shipping-method" }: { methods: ShippingMethod[]; value: number | null; onChange(id: number): void; name?: string }) {
  return (
    <fieldset class="choices">
      <legend>Shipping method</legend>
      {methods.map((method) => {
        const id = `${name}-${method.id}`;
        return (
          <div class="choice" key={method.id}>
            <input id={id} type="radio" name={name} value={String(method.id)} checked={value === method.id} onChange={() => onChange(method.id)} />
            <label for={id}>
              {method.name} · <Price value={method.price} />
              {method.free_over !== null && <span class="muted"> · free over {method.free_over}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

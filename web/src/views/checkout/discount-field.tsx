import { useState } from "preact/hooks";

/** A discount code: applied with its button (the breakdown then follows), removed with another. */
export function DiscountField({ applied, onApply }: { applied: string | undefined; onApply(code: string | undefined): void }) {
  const [text, setText] = useState(applied ?? "");
  return (
    <form
      class="inline-form discount"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(text.trim() || undefined);
      }}
    >
      <div class="field">
        <label for="discount-code">Discount code</label>
        <input id="discount-code" name="discount_code" value={text} maxLength={64} pattern="[A-Za-z0-9_\-]{1,64}" title="Letters, digits, - and _" autoComplete="off" onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
      </div>
      <button class="button" type="submit">
        Apply code
      </button>
      {applied && (
        <button
          class="button button-quiet"
          type="button"
          onClick={() => {
            setText("");
            onApply(undefined);
          }}
        >
          Remove code
        </button>
      )}
    </form>
  );
}

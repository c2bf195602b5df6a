import { useState } from "preact/hooks";
import { ActionButton } from "../../ui";

/**
 * Delete in two steps: the first press asks, "Yes, delete" does it, "Keep" takes it back. No
 * window.confirm: the question stays in the page, where keyboards and screen readers already are.
 * `onDelete` shows its own problems (it must not throw).
 */
export function DeleteButton({ what, onDelete }: { what: string; onDelete(): Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="button button-quiet" aria-label={`Delete ${what}`} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span class="row confirm" role="group" aria-label={`Delete ${what}?`}>
      <span>Delete {what}?</span>
      <ActionButton class="button button-danger" label={`Yes, delete ${what}`} onAction={() => onDelete().finally(() => setAsking(false))}>
        Yes, delete
      </ActionButton>
      <button type="button" class="button button-quiet" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

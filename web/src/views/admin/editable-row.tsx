import type { ComponentChildren, VNode } from "preact";
import { useState } from "preact/hooks";
import { say } from "../../toast";
import { ProblemAlert } from "../../ui";
import { DeleteButton } from "./delete-button";

/**
 * A row of an admin list (shipping methods, tax rates, discount codes): its summary with Edit and
 * Delete, or its form while it is edited. `what` names it for buttons and messages ("tax rate NL").
 */
export function EditableRow(props: {
  id: number;
  what: string;
  /** The form, given what closes it (after a save or on Cancel). */
  editor: (close: () => void) => VNode;
  remove: () => Promise<unknown>;
  onDeleted(id: number): void;
  children: ComponentChildren;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (editing) return <li class="card">{props.editor(() => setEditing(false))}</li>;
  const label = props.what.charAt(0).toUpperCase() + props.what.slice(1);
  return (
    <li class="card admin-row" data-id={props.id}>
      <div class="grow">{props.children}</div>
      <div class="row">
        <button type="button" class="button" aria-label={`Edit ${props.what}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteButton
          what={props.what}
          onDelete={async () => {
            try {
              await props.remove();
              say(`${label} deleted.`);
              props.onDeleted(props.id);
            } catch (e) {
              setError(e);
            }
          }}
        />
      </div>
      <ProblemAlert error={error} />
    </li>
  );
}

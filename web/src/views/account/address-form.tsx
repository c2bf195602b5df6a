import type { Address, AddressInput } from "../../api/client";
import { ApiError } from "../../api/client";
import { FormActions, ProblemAlert, useFormAction } from "../../ui";
import { AddressFields, fieldErrors, readAddress } from "./address-fields";

export interface AddressFormProps {
  /** Distinguishes this form's field ids from another address form's on the same page. */
  prefix: string;
  label: string;
  initial?: Partial<Address>;
  submitLabel: string;
  /** Offer "Use as my default address" (checked when `initial` is the default). */
  withDefault?: boolean;
  onSave(input: AddressInput, isDefault: boolean | undefined): Promise<void>;
  onCancel?(): void;
  onCountry?(code: string): void;
}

/** An address to add or change; the API's field problems show next to their fields, the rest above the buttons. */
export function AddressForm({ prefix, label, initial, submitLabel, withDefault, onSave, onCancel, onCountry }: AddressFormProps) {
  const { busy, error, onSubmit } = useFormAction(async (form) => {
    const input = readAddress(form, prefix);
    const checkbox = form.elements.namedItem(`${prefix}is_default`);
    await onSave(input, withDefault && checkbox instanceof HTMLInputElement ? checkbox.checked : undefined);
  });
  const errors = error instanceof ApiError ? fieldErrors(error.problem.errors) : {};
  return (
    <form class="stack card address-form" aria-label={label} onSubmit={onSubmit}>
      <AddressFields prefix={prefix} initial={initial} errors={errors} onCountry={onCountry} />
      {withDefault && (
        <div class="field field-check">
          <input id={`${prefix}is_default`} name={`${prefix}is_default`} type="checkbox" defaultChecked={initial?.is_default ?? false} />
          <label for={`${prefix}is_default`}>Use as my default address</label>
        </div>
      )}
      <ProblemAlert error={error} />
      <FormActions busy={busy} label={busy ? "Saving…" : submitLabel} onCancel={onCancel} class="field-actions" />
    </form>
  );
}

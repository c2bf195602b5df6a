import type { Address, AddressInput } from "../../api/client";
import { countryOptions } from "./countries";

/** Field problems of a 400 by field name (`country`, also from `shipping_address.country`). */
export type FieldErrors = Record<string, string>;

const FIELDS = ["name", "line1", "line2", "city", "region", "postal_code", "country", "phone"] as const;
type Field = (typeof FIELDS)[number];
/** The API's bounds (src/addresses/addresses.schemas.ts), so the browser stops a line the API would refuse. */
const MAX_LENGTH: Record<Exclude<Field, "country">, number> = { name: 200, line1: 200, line2: 200, city: 200, region: 100, postal_code: 20, phone: 40 };

/** The field problems of a problem's `errors`, under `prefix` ("shipping_address." for a guest order). */
export function fieldErrors(errors: { path: string; message: string }[] | undefined, prefix = ""): FieldErrors {
  const found: FieldErrors = {};
  for (const e of errors ?? []) {
    if (!e.path.startsWith(prefix)) continue;
    const field = e.path.slice(prefix.length);
    if ((FIELDS as readonly string[]).includes(field) && !found[field]) found[field] = e.message;
  }
  return found;
}

/** The address the form holds, as the API takes it (empty optional lines as null). */
export function readAddress(form: HTMLFormElement, prefix: string): AddressInput {
  const data = new FormData(form);
  const text = (field: Field) => String(data.get(`${prefix}${field}`) ?? "").trim();
  const optional = (field: Field) => text(field) || null;
  return {
    name: text("name"),
    line1: text("line1"),
    line2: optional("line2"),
    city: text("city"),
    region: optional("region"),
    postal_code: optional("postal_code"),
    country: text("country"),
    phone: optional("phone"),
  };
}

interface FieldProps {
  id: string;
  field: Field;
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  autoComplete: string;
  maxLength?: number;
}

function TextField({ id, field, label, value, error, required, autoComplete, maxLength = 200 }: FieldProps) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {required ? "" : " (optional)"}
      </label>
      <input
        id={id}
        name={id}
        defaultValue={value}
        required={required}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        type="text"
        inputMode={field === "phone" ? "tel" : undefined}
      />
      {error && (
        <span id={errorId} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The inputs of an address (names `${prefix}name`, …), each with its problem from the last answer
 * next to it. Country is a select of the codes the API accepts.
 */
export function AddressFields({ prefix, initial, errors, onCountry }: { prefix: string; initial?: Partial<Address>; errors: FieldErrors; onCountry?: (code: string) => void }) {
  const field = (name: Exclude<Field, "country">, label: string, autoComplete: string, required = false) => (
    <TextField id={`${prefix}${name}`} field={name} label={label} value={String(initial?.[name] ?? "")} error={errors[name]} required={required} autoComplete={autoComplete} maxLength={MAX_LENGTH[name]} />
  );
  const countryId = `${prefix}country`;
  return (
    <div class="address-fields">
      {field("name", "Full name", "shipping name", true)}
      {field("line1", "Street and number", "shipping address-line1", true)}
      {field("line2", "Address line 2", "shipping address-line2")}
      <div class="field-pair">
        {field("postal_code", "Postal code", "shipping postal-code")}
        {field("city", "City", "shipping address-level2", true)}
      </div>
      {field("region", "State, province or county", "shipping address-level1")}
      <div class="field">
        <label for={countryId}>Country</label>
        <select
          id={countryId}
          name={countryId}
          required
          autoComplete="shipping country"
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={errors.country ? `${countryId}-error` : undefined}
          onChange={(event) => onCountry?.((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value="" selected={!initial?.country}>
            Choose a country
          </option>
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code} selected={initial?.country === c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
        {errors.country && (
          <span id={`${countryId}-error`} class="field-error">
            {errors.country}
          </span>
        )}
      </div>
      {field("phone", "Phone", "shipping tel")}
    </div>
  );
}

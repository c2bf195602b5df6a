import { COUNTRY_CODES } from "../../../../src/shared/countries";

/** The API's country list (src/shared/countries.ts) with names in the browser's language, sorted by name. */
const COUNTRIES: { code: string; name: string }[] = (() => {
  const names = new Intl.DisplayNames(undefined, { type: "region" });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
})();

export function countryName(code: string): string {
  return COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

/** One country, or several (`multiple`: a list box; Ctrl/Shift or Space pick more than one). */
export function CountrySelect(props: { id: string; name: string; selected: readonly string[]; multiple?: boolean; required?: boolean }) {
  return (
    <select id={props.id} name={props.name} multiple={props.multiple} size={props.multiple ? 8 : undefined} required={props.required}>
      {!props.multiple && <option value="">Choose a country</option>}
      {COUNTRIES.map((c) => (
        <option key={c.code} value={c.code} selected={props.selected.includes(c.code)}>
          {c.name} ({c.code})
        </option>
      ))}
    </select>
  );
}

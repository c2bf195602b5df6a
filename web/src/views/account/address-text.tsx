import { countryName } from "./countries";

type Shown = { name: string; line1: string; line2?: string | null; city: string; region?: string | null; postal_code?: string | null; country: string; phone?: string | null };

/** An address as it goes on a parcel, one line each. */
export function AddressText({ address }: { address: Shown }) {
  const cityLine = [address.postal_code, address.city].filter(Boolean).join(" ");
  const lines = [address.name, address.line1, address.line2, cityLine, address.region, countryName(address.country), address.phone].filter((l): l is string => Boolean(l));
  return (
    <address class="address">
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}

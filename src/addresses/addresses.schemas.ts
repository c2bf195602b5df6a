import { z } from "@hono/zod-openapi";
import { IdOutput, textOutput } from "../lib/openapi-bounds";
import { CountryCode } from "../lib/countries";
import { PageQuery, pageListSchema } from "../lib/pagination";
import { ADDRESS_LIMIT } from "../shared/contract";

export { ADDRESS_LIMIT };

/** One line of text: control characters (a NUL cannot even be stored) are refused, not stored. */
const CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const noControl = "Must not contain control characters.";

const requiredText = (max: number) => z.string().trim().min(1, "Must not be empty.").max(max, `Must be at most ${max} characters.`).regex(CONTROL_CHARACTERS, noControl);
/** An optional line: null or absent is stored as "" (the column's "not given"). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be at most ${max} characters.`)
    .regex(CONTROL_CHARACTERS, noControl)
    .nullable()
    .transform((value) => value ?? "");

const bounds = { name: 200, line1: 200, line2: 200, city: 200, region: 100, postal_code: 20, phone: 40 } as const;

/**
 * A postal address as a request sends it (the address book, and a checkout's `shipping_address`).
 * Optional lines come out as "" when absent or null; `country` comes out in upper case.
 */
export const AddressInput = z
  .strictObject({
    name: requiredText(bounds.name).openapi({ description: "The recipient's name." }),
    line1: requiredText(bounds.line1),
    line2: optionalText(bounds.line2).optional().default(""),
    city: requiredText(bounds.city),
    region: optionalText(bounds.region).optional().default("").openapi({ description: "State, province or county, where the country has them; tax rates may depend on it." }),
    postal_code: optionalText(bounds.postal_code).optional().default(""),
    country: CountryCode,
    phone: optionalText(bounds.phone).optional().default(""),
  })
  .openapi("AddressInput");

export type AddressInputValue = z.output<typeof AddressInput>;

export const CreateAddressSchema = AddressInput.extend({
  is_default: z.boolean().optional().openapi({ description: "Make this the default address (the previous default stops being one). A user's first address is the default whatever this says." }),
}).openapi("CreateAddressRequest");

export const UpdateAddressSchema = z
  .strictObject({
    name: requiredText(bounds.name).optional(),
    line1: requiredText(bounds.line1).optional(),
    line2: optionalText(bounds.line2).optional(),
    city: requiredText(bounds.city).optional(),
    region: optionalText(bounds.region).optional(),
    postal_code: optionalText(bounds.postal_code).optional(),
    country: CountryCode.optional(),
    phone: optionalText(bounds.phone).optional(),
    is_default: z.boolean().optional().openapi({ description: "`true` makes this the default address. `false` changes nothing: a book with addresses always has a default; choose another one instead." }),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateAddressRequest");

export type AddressChanges = z.output<typeof UpdateAddressSchema>;

/** An address as the API shows it; optional lines are "" when not given. */
export const AddressSchema = z
  .object({
    id: IdOutput,
    name: textOutput(bounds.name),
    line1: textOutput(bounds.line1),
    line2: textOutput(bounds.line2),
    city: textOutput(bounds.city),
    region: textOutput(bounds.region),
    postal_code: textOutput(bounds.postal_code),
    country: z.string().openapi({ maxLength: 2, example: "DE", description: "ISO 3166-1 alpha-2, upper case." }),
    phone: textOutput(bounds.phone),
    is_default: z.boolean(),
  })
  .openapi("Address");

export type AddressResponse = z.infer<typeof AddressSchema>;

export const AddressPageSchema = pageListSchema(AddressSchema, "AddressPage");
export const AddressListQuery = PageQuery;

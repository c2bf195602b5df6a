import { z } from "@hono/zod-openapi";
import { IdOutput, TimestampOutput, textOutput } from "../lib/openapi-bounds";
import { COUNTRY_CODES, CountryCode } from "../lib/countries";
import { MoneyInput, MoneyOutput } from "../lib/money";
import { PageQuery, pageListSchema } from "../lib/pagination";

const timestamp = TimestampOutput;

/** A shipping method as anyone sees it. */
export const ShippingMethodSchema = z
  .object({
    id: IdOutput,
    name: textOutput(200),
    price: MoneyOutput,
    free_over: MoneyOutput.nullable().openapi({ description: "Shipping is free when the goods (after discount) reach this amount; null: never free." }),
    countries: z.array(z.string().openapi({ maxLength: 2 })).openapi({ maxItems: COUNTRY_CODES.length, description: "ISO 3166-1 alpha-2 codes this method ships to, sorted.", example: ["AT", "DE"] }),
  })
  .openapi("ShippingMethod");

export type ShippingMethodResponse = z.infer<typeof ShippingMethodSchema>;

export const AdminShippingMethodSchema = ShippingMethodSchema.extend({
  active: z.boolean().openapi({ description: "Inactive methods are not offered at checkout." }),
  created_at: timestamp,
  updated_at: timestamp,
}).openapi("AdminShippingMethod");

export type AdminShippingMethodResponse = z.infer<typeof AdminShippingMethodSchema>;

const methodName = z
  .string()
  .trim()
  .min(1, "Must not be empty.")
  .max(200, "Must be at most 200 characters.")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "Must not contain control characters.");
/** Codes in either case, at most one entry per assigned code; stored upper case, deduplicated and sorted. */
const countryList = z
  .array(CountryCode)
  .min(1, "Name at least one country.")
  .max(COUNTRY_CODES.length, `At most ${COUNTRY_CODES.length} countries.`)
  .transform((codes) => [...new Set(codes)].sort());

export const CreateShippingMethodSchema = z
  .strictObject({
    name: methodName,
    price: MoneyInput,
    free_over: MoneyInput.nullable().optional(),
    countries: countryList,
    active: z.boolean().optional().openapi({ description: "Default true." }),
  })
  .openapi("CreateShippingMethodRequest");

export const UpdateShippingMethodSchema = z
  .strictObject({
    name: methodName.optional(),
    price: MoneyInput.optional(),
    free_over: MoneyInput.nullable().optional(),
    countries: countryList.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateShippingMethodRequest");

export type ShippingMethodInput = z.output<typeof CreateShippingMethodSchema>;
export type ShippingMethodChanges = z.output<typeof UpdateShippingMethodSchema>;

export const ShippingMethodPageSchema = pageListSchema(ShippingMethodSchema, "ShippingMethodPage");
export const AdminShippingMethodPageSchema = pageListSchema(AdminShippingMethodSchema, "AdminShippingMethodPage");
export const ShippingMethodQuery = PageQuery.extend({
  country: CountryCode.openapi({ param: { name: "country", in: "query", required: true }, description: "ISO 3166-1 alpha-2 code of the destination (either case)." }),
});
export const AdminShippingMethodListQuery = PageQuery;

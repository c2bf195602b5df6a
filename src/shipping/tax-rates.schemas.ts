import { z } from "@hono/zod-openapi";
import { IdOutput, TimestampOutput } from "../lib/openapi-bounds";
import { CountryCode } from "../lib/countries";
import { toMoneyString } from "../lib/money";
import { PageQuery, pageListSchema } from "../lib/pagination";

/**
 * A percentage in requests, like money: a number or a decimal string with at most two decimals,
 * 0–100, normalised to a string with two decimals ("20" → "20.00"). No float arithmetic.
 */
export const PercentInput = z
  .union([z.string().max(32, "Must be a percentage from 0 to 100 with at most two decimals, such as 19.5."), z.number()])
  .transform((value, ctx) => {
    const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100) {
      ctx.addIssue({ code: "custom", message: "Must be a percentage from 0 to 100 with at most two decimals, such as 19.5." });
      return z.NEVER;
    }
    return toMoneyString(text);
  })
  .openapi({ type: "string", maxLength: 32, example: "20.00", description: "Percent, 0–100, at most two decimals (a JSON number is accepted too)." });

export const TaxRateSchema = z
  .object({
    id: IdOutput,
    country: z.string().openapi({ maxLength: 2, example: "DE" }),
    region: z.string().nullable().openapi({ maxLength: 100, description: "The region this rate is for; null: the whole country. A region's rate wins over its country's." }),
    rate: z.string().openapi({ maxLength: 6, example: "19.00", pattern: "^\\d+\\.\\d{2}$", description: "Percent, two decimals." }),
    created_at: TimestampOutput,
    updated_at: TimestampOutput,
  })
  .openapi("TaxRate");

export type TaxRateResponse = z.infer<typeof TaxRateSchema>;

/** null, absent or "" mean the whole country (stored as ""). Regions compare case-insensitively. */
const region = z
  .string()
  .trim()
  .max(100, "Must be at most 100 characters.")
  .regex(/^[^\u0000-\u001f\u007f]*$/, "Must not contain control characters.")
  .nullable()
  .transform((value) => value ?? "")
  .openapi({ description: "State, province or county as addresses name it (compared case-insensitively); null or absent: the whole country." });

export const CreateTaxRateSchema = z
  .strictObject({ country: CountryCode, region: region.optional().default(""), rate: PercentInput })
  .openapi("CreateTaxRateRequest");

export const UpdateTaxRateSchema = z
  .strictObject({ country: CountryCode.optional(), region: region.optional(), rate: PercentInput.optional() })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateTaxRateRequest");

export type TaxRateInput = z.output<typeof CreateTaxRateSchema>;
export type TaxRateChanges = z.output<typeof UpdateTaxRateSchema>;

export const TaxRatePageSchema = pageListSchema(TaxRateSchema, "TaxRatePage");
export const TaxRateListQuery = PageQuery.extend({
  country: CountryCode.optional().openapi({ param: { name: "country", in: "query" }, description: "Only this country's rates." }),
});

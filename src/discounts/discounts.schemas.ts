import { z } from "@hono/zod-openapi";
import { INT32, IdOutput, TimestampOutput } from "../lib/openapi-bounds";
import { MoneyInput, MoneyOutput, moneyToCents } from "../lib/money";
import { PageQuery, pageListSchema } from "../lib/pagination";

export const DISCOUNT_KINDS = ["percent", "fixed", "free_shipping"] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/** The largest usage_limit / per_customer_limit: far inside int4. */
export const MAX_DISCOUNT_USES = 1_000_000_000;

/** A percent discount is 0.01–100 (in hundredths: 1–10,000). */
export const MIN_PERCENT_HUNDREDTHS = 1n;
export const MAX_PERCENT_HUNDREDTHS = 10_000n;

const timestamp = TimestampOutput;

export const DiscountSchema = z
  .object({
    id: IdOutput,
    code: z.string().openapi({ maxLength: 64, example: "SPRING-10" }),
    kind: z.enum(DISCOUNT_KINDS),
    value: z.string().openapi({ maxLength: 24, example: "10.00", pattern: "^\\d+\\.\\d{2}$", description: "Percent for `percent` (0.01–100), an amount for `fixed`, \"0.00\" for `free_shipping`." }),
    min_subtotal: MoneyOutput.nullable().openapi({ description: "The code applies only when the goods reach this amount; null: always." }),
    starts_at: timestamp.nullable(),
    ends_at: timestamp.nullable(),
    usage_limit: z.number().int().nullable().openapi({ ...INT32, minimum: 1, maximum: MAX_DISCOUNT_USES, description: "Orders that may use the code in all; null: unlimited." }),
    per_customer_limit: z.number().int().nullable().openapi({ ...INT32, minimum: 1, maximum: MAX_DISCOUNT_USES, description: "Orders one customer (by email) may use it for; null: unlimited." }),
    active: z.boolean(),
    times_used: z.number().int().openapi({ ...INT32, minimum: 0, maximum: 2_147_483_647, description: "Orders that used the code; read-only." }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .openapi("Discount");

export type DiscountResponse = z.infer<typeof DiscountSchema>;

export const discountCode = z
  .string()
  .trim()
  .min(1, "Must not be empty.")
  .max(64, "Must be at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Only letters A–Z, digits, '-' and '_'.")
  .openapi({ example: "SPRING-10", description: "1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case." });

const kind = z.enum(DISCOUNT_KINDS, { message: `Must be one of ${DISCOUNT_KINDS.join(", ")}.` });
const value = MoneyInput.openapi({ type: "string", example: "10.00", description: "Percent (0.01–100) for `percent`; an amount above 0 for `fixed`; ignored for `free_shipping` (stored as 0)." });
/** Postgres cannot store year 0 (and nothing before 1970 or after 9999 is a sensible sale date). */
const EARLIEST = Date.parse("1970-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59Z");
const instant = z.iso
  .datetime({ offset: true, message: "Must be an ISO 8601 date-time with a time zone, such as 2026-05-01T00:00:00Z." })
  .max(64, "Must be an ISO 8601 date-time with a time zone, such as 2026-05-01T00:00:00Z.")
  .refine((text) => Date.parse(text) >= EARLIEST && Date.parse(text) <= LATEST, "Must be between 1970 and 9999.")
  .nullable();
const useLimit = z
  .number()
  .int("Must be a whole number.")
  .min(1, "Must be at least 1.")
  .max(MAX_DISCOUNT_USES, `Must be at most ${MAX_DISCOUNT_USES.toLocaleString("en-US")}.`)
  .openapi(INT32)
  .nullable();

/** What is wrong with a value for a kind, or null when it fits. */
export function valueProblem(kind: DiscountKind, value: string): string | null {
  const cents = moneyToCents(value);
  if (kind === "percent" && (cents < MIN_PERCENT_HUNDREDTHS || cents > MAX_PERCENT_HUNDREDTHS)) return "A percent discount must be from 0.01 to 100.";
  if (kind === "fixed" && cents <= 0n) return "A fixed discount must be more than 0.";
  return null;
}

const endsBeforeStart = "Must be after starts_at.";

type Checked = { kind?: DiscountKind; value?: string; starts_at?: string | null; ends_at?: string | null };

/** The cross-field rules that can be decided from the body alone (the rest, for a PATCH, against the stored row). */
function checkFields(body: Checked, ctx: z.RefinementCtx, creating: boolean) {
  if (body.kind !== undefined && body.kind !== "free_shipping") {
    if (body.value === undefined) {
      if (creating) ctx.addIssue({ code: "custom", path: ["value"], message: `Required for a ${body.kind} discount.` });
    } else {
      const problem = valueProblem(body.kind, body.value);
      if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
    }
  }
  if (body.starts_at && body.ends_at && Date.parse(body.ends_at) <= Date.parse(body.starts_at)) {
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: endsBeforeStart });
  }
}

export const CreateDiscountSchema = z
  .strictObject({
    code: discountCode,
    kind,
    value: value.optional(),
    min_subtotal: MoneyInput.nullable().optional(),
    starts_at: instant.optional(),
    ends_at: instant.optional(),
    usage_limit: useLimit.optional(),
    per_customer_limit: useLimit.optional(),
    active: z.boolean().optional().openapi({ description: "Default true." }),
  })
  .superRefine((body, ctx) => checkFields(body, ctx, true))
  .openapi("CreateDiscountRequest");

export const UpdateDiscountSchema = z
  .strictObject({
    code: discountCode.optional(),
    kind: kind.optional(),
    value: value.optional(),
    min_subtotal: MoneyInput.nullable().optional(),
    starts_at: instant.optional(),
    ends_at: instant.optional(),
    usage_limit: useLimit.optional(),
    per_customer_limit: useLimit.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .superRefine((body, ctx) => checkFields(body, ctx, false))
  .openapi("UpdateDiscountRequest");

export type DiscountInput = z.output<typeof CreateDiscountSchema>;
export type DiscountChanges = z.output<typeof UpdateDiscountSchema>;

export const DiscountPageSchema = pageListSchema(DiscountSchema, "DiscountPage");
export const DiscountListQuery = PageQuery;

export const discountErrors = { endsBeforeStart };

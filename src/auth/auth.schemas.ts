import { z } from "@hono/zod-openapi";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Must be a valid email address." }))
  .openapi({ example: "ada@example.com" });

const password = z.string().min(8, "Must be at least 8 characters.").max(128, "Must be at most 128 characters.").openapi({ example: "correct horse battery" });

export const NameSchema = z.string().trim().max(100, "Must be at most 100 characters.").openapi({ example: "Ada Lovelace" });
// Loosely E.164: optional +, 7 to 15 digits; spaces, dots, dashes and parentheses are dropped. Empty clears it.
export const PhoneSchema = z
  .string()
  .trim()
  .max(32, "Must be at most 32 characters.")
  .transform((v) => v.replace(/[\s().-]/g, ""))
  .refine((v) => v === "" || /^\+?[1-9][0-9]{6,14}$/.test(v), "Must be a phone number such as +14155550100.")
  .openapi({ example: "+14155550100" });
export const AddressSchema = z.string().trim().max(500, "Must be at most 500 characters.").openapi({ example: "12 Analytical Row, London" });

export const RegisterSchema = z
  .strictObject({
    email,
    password,
    name: NameSchema.optional(),
    phone: PhoneSchema.optional(),
    address: AddressSchema.optional(),
  })
  .openapi("RegisterRequest");

export const LoginSchema = z.strictObject({ email, password: z.string().min(1).max(128) }).openapi("LoginRequest");

export const RefreshSchema = z
  .strictObject({
    refresh: z.string().min(1).max(4096).optional().openapi({ description: "The refresh token. Required unless it travels as the refresh cookie (`Refresh-Token-Transport: cookie`)." }),
  })
  .openapi("RefreshRequest");

export const UpdateProfileSchema = z
  .strictObject({
    name: NameSchema.optional(),
    phone: PhoneSchema.optional(),
    address: AddressSchema.optional(),
  })
  .openapi("UpdateProfileRequest");

export const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    phone: z.string(),
    address: z.string(),
    is_admin: z.boolean(),
    email_verified_at: z.string().nullable().openapi({ format: "date-time", description: "When the user confirmed their email address (POST /api/auth/verify-email/confirm); null until then." }),
    created_at: z.string().openapi({ format: "date-time" }),
    updated_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("User");

export const TokenPairSchema = z
  .object({
    access: z.string(),
    refresh: z.string().optional().openapi({ description: "Absent when the request asked for the refresh token as a cookie (`Refresh-Token-Transport: cookie`)." }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().openapi({ description: "Seconds until the access token expires." }),
  })
  .openapi("TokenPair");

export type UserResponse = z.infer<typeof UserSchema>;

/** The same rules as registration, for the account-recovery routes (src/auth/recovery.schemas.ts). */
export { email as EmailAddressSchema, password as PasswordSchema };

export const RefreshRetryHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255, "Must be at most 255 characters.")
    .regex(/^[\x21-\x7e]+$/, "Must be printable ASCII without spaces.")
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description: "A fresh key per refresh. Sending the same token with the same key again within 30 seconds (a retry after a lost answer) returns the same new tokens instead of counting as reuse.",
    }),
});

export const RefreshTransportHeader = z.object({
  "refresh-token-transport": z
    .enum(["cookie", "body"], { message: "Must be cookie or body." })
    .optional()
    .openapi({
      param: { name: "refresh-token-transport", in: "header" },
      description:
        "`cookie` (for the storefront on this origin): the refresh token travels as an `HttpOnly; Secure; SameSite=Strict` cookie scoped to `/api/auth`, never in a body script can read. Default `body`: the JSON form API clients use.",
    }),
});

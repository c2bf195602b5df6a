import { z } from "@hono/zod-openapi";
import { textOutput } from "../lib/openapi-bounds";
import { EmailAddressSchema, PasswordSchema } from "./auth.schemas";

const token = z.string().min(1, "Required.").max(256, "Must be at most 256 characters.").openapi({ description: "The token from the link in the mail.", example: "hG5v2tq0P2m7wJZk3oYc1rQ0y8x6W4e2Z9s5u3A1b7c" });

export const PasswordResetRequestSchema = z.strictObject({ email: EmailAddressSchema }).openapi("PasswordResetRequest");

export const PasswordResetConfirmSchema = z.strictObject({ token, password: PasswordSchema }).openapi("PasswordResetConfirm");

export const VerifyEmailConfirmSchema = z.strictObject({ token }).openapi("VerifyEmailConfirm");

export const AcceptedSchema = z
  .object({
    status: z.literal("accepted"),
    message: textOutput(200),
  })
  .openapi("Accepted");

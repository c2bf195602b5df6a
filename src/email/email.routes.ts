import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonContent, problemResponses } from "../lib/openapi";
import { EmailListQuery, EmailPageSchema } from "./email.schemas";
import { MAX_EMAIL_ATTEMPTS } from "./outbox";

export const adminListEmailsRoute = createRoute({
  operationId: "adminListEmails",
  method: "get",
  path: "/api/admin/emails",
  tags: ["Admin"],
  summary: "The email outbox, newest first (admin)",
  description: `Every mail the shop has sent or will send. \`pending\` mails are delivered right after the request that caused them and retried by the minute sweep with exponential backoff (30 s doubling by default, \`EMAIL_RETRY_BASE_SECONDS\`; at most an hour); after ${MAX_EMAIL_ATTEMPTS} attempts, or at once when the provider refuses the mail itself, a mail is \`failed\` and \`last_error\` says why. A retry uses the same provider idempotency key, so no mail is sent twice. Contents (and the tokens in links) are never shown.`,
  ...adminOnly,
  request: { query: EmailListQuery },
  responses: { 200: jsonContent(EmailPageSchema, "A page of emails"), ...problemResponses(400, 401, 403) },
});

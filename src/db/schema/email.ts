import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Single-use tokens mailed to a user (password reset, email verification); only a hash is kept. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** password_reset | email_verification */
    purpose: text("purpose").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose), index("account_tokens_expires_idx").on(t.expiresAt)],
);

/**
 * Every email the shop sends, written in the same statement as the event that causes it, so none is
 * lost. A sender delivers pending rows (the row id is the provider's idempotency key) and backs off
 * on failure.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text("to_address").notNull(),
    /** verify_email | password_reset | order_placed | order_paid | order_shipped | order_delivered | order_cancelled | order_refunded */
    template: text("template").notNull(),
    data: jsonb("data").notNull().default({}),
    /** pending | sent | failed */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("email_outbox_due_idx").on(t.nextAttemptAt, t.id).where(sql`status = 'pending'`), index("email_outbox_status_idx").on(t.status, t.id)],
);

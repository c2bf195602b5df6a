-- Auth hardening: login throttle counters that hold when Redis cannot count, single-use WebSocket
-- tickets, and the indexes the session cap and the batched prune need.
-- Login attempts counted in Postgres while Redis is unreachable (see src/auth/throttle.ts).
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
CREATE INDEX "login_throttle_expires_idx" ON "login_throttle" USING btree ("expires_at");--> statement-breakpoint
-- A WebSocket ticket: single use, 30 seconds, stored hashed; it stands for the access token that asked for it.
CREATE TABLE "ws_tickets" (
	"ticket_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"session_id" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
CREATE INDEX "ws_tickets_expires_idx" ON "ws_tickets" USING btree ("expires_at");--> statement-breakpoint
-- The prune deletes expired tokens in batches: without this each batch would scan the table.
CREATE INDEX "refresh_tokens_expires_idx" ON "refresh_tokens" USING btree ("expires_at");--> statement-breakpoint
-- A user's live sessions, newest first: the session cap keeps the newest 50.
CREATE INDEX "refresh_families_user_live_idx" ON "refresh_families" USING btree ("user_id", "created_at" DESC) WHERE "revoked_at" IS NULL;

DROP INDEX "products_price_id_idx";--> statement-breakpoint
DROP INDEX "products_name_id_idx";--> statement-breakpoint
DROP INDEX "products_created_at_id_idx";--> statement-breakpoint
CREATE INDEX "products_price_id_idx" ON "products" USING btree ("price","id","stock") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "products_name_id_idx" ON "products" USING btree ("name","id","price","stock") WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "products_created_at_id_idx" ON "products" USING btree ("created_at","id","price","stock") WHERE deleted_at IS NULL;
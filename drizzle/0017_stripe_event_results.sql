-- What handling each Stripe event did (shop_stripe_event's result), so a redelivery of an event
-- whose first answer was lost (the Worker gave up waiting while Postgres committed) can still do
-- the work that follows a handled event: the owner's push, sending a refund.
ALTER TABLE "stripe_events" ADD COLUMN "result" jsonb;

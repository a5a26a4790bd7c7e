-- Trading platform and payments feeds (issue 9 item 6, docs/integrations.md). Every event an adapter
-- delivered, once per adapter and event id: a replayed or duplicated event finds its row and changes
-- nothing. The row holds no personal data, only what happened to the event.
CREATE TABLE "integration_events" (
  "adapter" TEXT NOT NULL,
  "event_id" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "sha256" TEXT NOT NULL,
  "outcome" TEXT NOT NULL,
  "client_id" TEXT,
  "transaction_id" UUID,
  CONSTRAINT "integration_events_pkey" PRIMARY KEY ("adapter", "event_id"),
  CONSTRAINT "integration_events_outcome_check" CHECK ("outcome" IN ('applied', 'stale'))
);
CREATE INDEX "integration_events_received_at_idx" ON "integration_events"("received_at");

-- The platform time and event id of the feed event a trading account last took its figures from: an older
-- event arriving later (reordered delivery) changes nothing.
ALTER TABLE "trading_accounts" ADD COLUMN "feed_at" TIMESTAMPTZ(3);
ALTER TABLE "trading_accounts" ADD COLUMN "feed_event_id" TEXT;

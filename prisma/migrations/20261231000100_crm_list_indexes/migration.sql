-- The cross-client lists (GET /api/interactions, /api/accounts, /api/transactions, docs/crm.md "Lists"):
-- newest first over every client in a wide scope reads these indexes backwards and stops after a page.
-- A narrow scope (an agent, an IB tree) goes through the client indexes that were there already.
-- A plain CREATE INDEX blocks writes to the table while it builds: on a large book build these first with
-- CREATE INDEX CONCURRENTLY under the same names (docs/operations.md), and this migration finds them.
CREATE INDEX IF NOT EXISTS "transactions_booked_at_id_idx" ON "transactions"("booked_at", "id");
-- the list filtered by account (the client page filters within one client, by client_id first)
CREATE INDEX IF NOT EXISTS "transactions_account_id_booked_at_idx" ON "transactions"("account_id", "booked_at");
CREATE INDEX IF NOT EXISTS "interactions_occurred_at_id_idx" ON "interactions"("occurred_at", "id");
-- the list filtered by agent
CREATE INDEX IF NOT EXISTS "interactions_agent_id_occurred_at_idx" ON "interactions"("agent_id", "occurred_at");
CREATE INDEX IF NOT EXISTS "trading_accounts_opened_at_id_idx" ON "trading_accounts"("opened_at", "id");

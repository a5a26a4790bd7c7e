-- The CRM core (issue 9): client identity, contacts, related persons, introducing brokers, trading accounts,
-- transactions (the one transactions table that monitoring builds on), interactions, leads with duplicate
-- findings, and lead assignment rules. See docs/crm.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- A branch belongs to a legal entity (entity scope) and has a home country (default for national phone numbers).
ALTER TABLE "branches" ADD COLUMN "entity_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "branches" ADD COLUMN "country" TEXT;

-- Introducing brokers form a tree: an IB sees its own clients and those of its sub-IBs.
CREATE TABLE "introducing_brokers" (
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "parent_id" TEXT,
  "branch_id" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "introducing_brokers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "introducing_brokers_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"),
  CONSTRAINT "introducing_brokers_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "introducing_brokers"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "introducing_brokers_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "introducing_brokers_parent_id_idx" ON "introducing_brokers"("parent_id");

-- The IB a user of role introducing_broker acts for.
ALTER TABLE "users" ADD COLUMN "ib_id" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_ib_id_fkey" FOREIGN KEY ("ib_id") REFERENCES "introducing_brokers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Clients: identity of individuals (first and last name) and corporates (legal name), tier, IB, tags.
-- `name` stays the display name. `search_name` is the name folded to Latin by the screening normaliser
-- (written by the application), with a plain lower-case fallback for rows written by SQL alone.
ALTER TABLE "clients"
  ADD COLUMN "first_name" TEXT,
  ADD COLUMN "last_name" TEXT,
  ADD COLUMN "legal_name" TEXT,
  ADD COLUMN "registration_number" TEXT,
  ADD COLUMN "date_of_birth" DATE,
  ADD COLUMN "nationality" TEXT,
  ADD COLUMN "national_id" TEXT,
  ADD COLUMN "tier" TEXT NOT NULL DEFAULT 'standard',
  ADD COLUMN "language" TEXT,
  ADD COLUMN "introducing_broker_id" TEXT,
  ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "search_name" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "clients" ADD CONSTRAINT "clients_introducing_broker_id_fkey" FOREIGN KEY ("introducing_broker_id") REFERENCES "introducing_brokers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "clients" ADD CONSTRAINT "clients_type_check" CHECK ("type" IN ('individual', 'corporate'));

UPDATE "clients" SET "search_name" = lower(unaccent("name")),
  "legal_name" = CASE WHEN "type" = 'corporate' THEN "name" END,
  "first_name" = CASE WHEN "type" = 'individual' AND position(' ' IN "name") > 0 THEN split_part("name", ' ', 1) END,
  "last_name" = CASE WHEN "type" = 'individual' AND position(' ' IN "name") > 0 THEN substr("name", position(' ' IN "name") + 1) END;

-- The driver adapter that applies migrations splits statements at every semicolon, even inside quotes,
-- so the function body spells its semicolons as the escape \073.
CREATE FUNCTION clients_default_search_name() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW.search_name IS NULL OR NEW.search_name = \'\' OR (TG_OP = \'UPDATE\' AND NEW.name IS DISTINCT FROM OLD.name AND NEW.search_name IS NOT DISTINCT FROM OLD.search_name) THEN NEW.search_name := lower(public.unaccent(NEW.name))\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER clients_search_name BEFORE INSERT OR UPDATE ON "clients"
  FOR EACH ROW EXECUTE FUNCTION clients_default_search_name();

-- Name search: the words of the search name (GIN array index) find exact words in any order, and the
-- dictionary of every word in use (trigram index) turns a misspelt or partial word into the words it may
-- be, so a fuzzy search only reads the clients holding those words.
ALTER TABLE "clients" ADD COLUMN "search_tokens" TEXT[] GENERATED ALWAYS AS (string_to_array("search_name", ' ')) STORED;
CREATE INDEX "clients_search_tokens_idx" ON "clients" USING GIN ("search_tokens");
CREATE TABLE "name_tokens" (
  "token" TEXT NOT NULL,
  CONSTRAINT "name_tokens_pkey" PRIMARY KEY ("token")
);
CREATE INDEX "name_tokens_trgm_idx" ON "name_tokens" USING GIN ("token" gin_trgm_ops);
INSERT INTO "name_tokens" SELECT DISTINCT t FROM "clients", unnest("search_tokens") AS t WHERE t <> '' ON CONFLICT DO NOTHING;
CREATE FUNCTION clients_name_tokens() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN INSERT INTO name_tokens (token) SELECT DISTINCT t FROM unnest(NEW.search_tokens) AS t WHERE t <> \'\' ON CONFLICT DO NOTHING\073 RETURN NULL\073 END\073';
CREATE TRIGGER clients_name_tokens AFTER INSERT OR UPDATE OF "search_name" ON "clients"
  FOR EACH ROW EXECUTE FUNCTION clients_name_tokens();
CREATE INDEX "clients_account_manager_id_idx" ON "clients"("account_manager_id");
CREATE INDEX "clients_introducing_broker_id_idx" ON "clients"("introducing_broker_id");
CREATE INDEX "clients_date_of_birth_idx" ON "clients"("date_of_birth");
-- national ids and document numbers are searched without spaces, dashes or letter case. Not partial
-- indexes: ANALYZE keeps statistics of index expressions only for whole-table indexes, and without them
-- the planner expects thousands of rows per number and starts parallel workers for a one-row lookup.
CREATE INDEX "clients_national_id_key_idx" ON "clients" (upper(regexp_replace("national_id", '[^0-9A-Za-z]', '', 'g')));
CREATE INDEX "kyc_documents_number_key_idx" ON "kyc_documents" (upper(regexp_replace("number", '[^0-9A-Za-z]', '', 'g')));

-- Every e-mail address and phone number of a client. `normalized`: lower-case e-mail, or E.164 phone.
-- `national_number`: the national significant number of a phone, so a national format finds it too.
CREATE TABLE "client_contacts" (
  "id" BIGSERIAL NOT NULL,
  "client_id" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "value" TEXT NOT NULL,
  "normalized" TEXT NOT NULL,
  "national_number" TEXT,
  "label" TEXT,
  "is_primary" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "client_contacts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "client_contacts_kind_check" CHECK ("kind" IN ('email', 'phone')),
  CONSTRAINT "client_contacts_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "client_contacts_client_kind_normalized_key" ON "client_contacts"("client_id", "kind", "normalized");
CREATE INDEX "client_contacts_normalized_idx" ON "client_contacts"("normalized");
CREATE INDEX "client_contacts_national_number_idx" ON "client_contacts"("national_number") WHERE "national_number" IS NOT NULL;

INSERT INTO "client_contacts" ("client_id", "kind", "value", "normalized", "is_primary")
  SELECT "id", 'email', "email", lower(trim("email")), true FROM "clients" WHERE "email" IS NOT NULL AND trim("email") <> '';
INSERT INTO "client_contacts" ("client_id", "kind", "value", "normalized", "is_primary")
  SELECT "id", 'phone', "phone", '+' || regexp_replace("phone", '[^0-9]', '', 'g'), true FROM "clients"
  WHERE "phone" IS NOT NULL AND trim("phone") LIKE '+%' AND length(regexp_replace("phone", '[^0-9]', '', 'g')) >= 6
  ON CONFLICT DO NOTHING;

-- Directors, beneficial owners (25 % or more), signatories and shareholders of a corporate client.
CREATE TABLE "client_related_persons" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "client_id" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "first_name" TEXT,
  "last_name" TEXT,
  "name" TEXT NOT NULL,
  "date_of_birth" DATE,
  "nationality" TEXT,
  "share_percent" NUMERIC(5,2),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "client_related_persons_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "client_related_persons_role_check" CHECK ("role" IN ('director', 'beneficial_owner', 'authorised_signatory', 'shareholder')),
  CONSTRAINT "client_related_persons_share_check" CHECK ("share_percent" IS NULL OR ("share_percent" > 0 AND "share_percent" <= 100)),
  CONSTRAINT "client_related_persons_owner_share_check" CHECK ("role" <> 'beneficial_owner' OR "share_percent" >= 25),
  CONSTRAINT "client_related_persons_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "client_related_persons_client_id_idx" ON "client_related_persons"("client_id");

-- Trading accounts on the platforms. A login is unique per platform.
CREATE TABLE "trading_accounts" (
  "id" TEXT NOT NULL,
  "client_id" TEXT NOT NULL,
  "platform" TEXT NOT NULL,
  "login" TEXT NOT NULL,
  "currency" TEXT NOT NULL,
  "leverage" INTEGER,
  "balance" NUMERIC(20,2) NOT NULL DEFAULT 0,
  "equity" NUMERIC(20,2) NOT NULL DEFAULT 0,
  "margin_level" NUMERIC(12,2),
  "status" TEXT NOT NULL DEFAULT 'active',
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "trading_accounts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "trading_accounts_status_check" CHECK ("status" IN ('active', 'disabled', 'closed')),
  CONSTRAINT "trading_accounts_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "trading_accounts_platform_login_key" ON "trading_accounts"("platform", "login");
CREATE INDEX "trading_accounts_login_idx" ON "trading_accounts"("login");
CREATE INDEX "trading_accounts_client_id_idx" ON "trading_accounts"("client_id");

-- Money in and out and trading activity: deposits, withdrawals, transfers and trade summaries. The one
-- transactions table: feeds, imports and monitoring all read and write it. `amount` is never negative, the
-- type gives the direction. `external_id` is unique per `source` (a feed, an import, the API).
CREATE TABLE "transactions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "client_id" TEXT NOT NULL,
  "account_id" TEXT,
  "source" TEXT NOT NULL,
  "external_id" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "amount" NUMERIC(20,4) NOT NULL,
  "currency" TEXT NOT NULL,
  "method" TEXT,
  "status" TEXT NOT NULL DEFAULT 'completed',
  "booked_at" TIMESTAMPTZ(3) NOT NULL,
  "counterparty_name" TEXT,
  "counterparty_country" TEXT,
  "instrument" TEXT,
  "pnl" NUMERIC(20,4),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "transactions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "transactions_type_check" CHECK ("type" IN ('deposit', 'withdrawal', 'transfer', 'trade')),
  CONSTRAINT "transactions_method_check" CHECK ("method" IS NULL OR "method" IN ('cash', 'card', 'bank_transfer', 'crypto', 'internal')),
  CONSTRAINT "transactions_status_check" CHECK ("status" IN ('pending', 'completed', 'failed', 'cancelled', 'reversed')),
  CONSTRAINT "transactions_amount_check" CHECK ("amount" >= 0),
  CONSTRAINT "transactions_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "transactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "trading_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "transactions_source_external_id_key" ON "transactions"("source", "external_id");
CREATE INDEX "transactions_client_id_booked_at_idx" ON "transactions"("client_id", "booked_at");

-- Leads: web forms, partners and manual entry, with attribution, assignment and duplicate-of.
CREATE TABLE "leads" (
  "id" UUID NOT NULL,
  "first_name" TEXT NOT NULL,
  "last_name" TEXT NOT NULL,
  "search_name" TEXT NOT NULL,
  "email" TEXT,
  "email_norm" TEXT,
  "phone" TEXT,
  "phone_e164" TEXT,
  "phone_national" TEXT,
  "country" TEXT,
  "language" TEXT,
  "date_of_birth" DATE,
  "source" TEXT NOT NULL,
  "campaign" TEXT,
  "introducing_broker_id" TEXT,
  "utm_source" TEXT,
  "utm_medium" TEXT,
  "utm_campaign" TEXT,
  "utm_term" TEXT,
  "utm_content" TEXT,
  "status" TEXT NOT NULL DEFAULT 'new',
  "branch_id" TEXT,
  "account_manager_id" TEXT,
  "assigned_at" TIMESTAMPTZ(3),
  "assignment_rule_id" TEXT,
  "duplicate_of_id" TEXT,
  "duplicate_of_kind" TEXT,
  "merged_into_id" TEXT,
  "merged_into_kind" TEXT,
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "leads_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "leads_status_check" CHECK ("status" IN ('new', 'contacted', 'qualified', 'converted', 'lost', 'merged')),
  CONSTRAINT "leads_duplicate_of_kind_check" CHECK ("duplicate_of_kind" IS NULL OR "duplicate_of_kind" IN ('lead', 'client')),
  CONSTRAINT "leads_merged_into_kind_check" CHECK ("merged_into_kind" IS NULL OR "merged_into_kind" IN ('lead', 'client')),
  CONSTRAINT "leads_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "leads_account_manager_id_fkey" FOREIGN KEY ("account_manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "leads_introducing_broker_id_fkey" FOREIGN KEY ("introducing_broker_id") REFERENCES "introducing_brokers"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "leads_email_norm_idx" ON "leads"("email_norm");
CREATE INDEX "leads_phone_e164_idx" ON "leads"("phone_e164");
CREATE INDEX "leads_phone_national_idx" ON "leads"("phone_national");
CREATE INDEX "leads_date_of_birth_idx" ON "leads"("date_of_birth");
CREATE INDEX "leads_search_name_trgm_idx" ON "leads" USING GIN ("search_name" gin_trgm_ops);
CREATE INDEX "leads_account_manager_id_status_idx" ON "leads"("account_manager_id", "status");
CREATE INDEX "leads_branch_id_created_at_idx" ON "leads"("branch_id", "created_at");
CREATE INDEX "leads_introducing_broker_id_idx" ON "leads"("introducing_broker_id");

-- What duplicate detection found for a lead: the review queue lists the open ones.
CREATE TABLE "lead_duplicates" (
  "lead_id" UUID NOT NULL,
  "other_kind" TEXT NOT NULL,
  "other_id" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "score" REAL NOT NULL DEFAULT 1,
  "detail" JSONB,
  "status" TEXT NOT NULL DEFAULT 'open',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolved_by_id" TEXT,
  "resolved_at" TIMESTAMPTZ(3),
  CONSTRAINT "lead_duplicates_pkey" PRIMARY KEY ("lead_id", "other_kind", "other_id", "reason"),
  CONSTRAINT "lead_duplicates_kind_check" CHECK ("other_kind" IN ('lead', 'client')),
  CONSTRAINT "lead_duplicates_reason_check" CHECK ("reason" IN ('email', 'phone', 'name_dob')),
  CONSTRAINT "lead_duplicates_status_check" CHECK ("status" IN ('open', 'merged', 'dismissed')),
  CONSTRAINT "lead_duplicates_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "lead_duplicates_open_idx" ON "lead_duplicates"("lead_id") WHERE "status" = 'open';
CREATE INDEX "lead_duplicates_other_idx" ON "lead_duplicates"("other_kind", "other_id");

-- Lead assignment: the first active rule (by priority) whose criteria all match picks an account manager.
CREATE TABLE "assignment_rules" (
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "priority" INTEGER NOT NULL DEFAULT 100,
  "branch_id" TEXT,
  "language" TEXT,
  "country" TEXT,
  "source" TEXT,
  "introducing_broker_id" TEXT,
  "strategy" TEXT NOT NULL DEFAULT 'round_robin',
  "account_manager_ids" TEXT[] NOT NULL,
  "outside_hours" TEXT NOT NULL DEFAULT 'next_available',
  "last_assigned_id" TEXT,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "assignment_rules_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "assignment_rules_strategy_check" CHECK ("strategy" IN ('round_robin', 'least_loaded')),
  CONSTRAINT "assignment_rules_outside_hours_check" CHECK ("outside_hours" IN ('next_available', 'queue')),
  CONSTRAINT "assignment_rules_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Calls, e-mails, chats, meetings, notes and system events with a client or a lead. Systems that send
-- them (telephony, e-mail) give an external id, unique per source, so a resent event is stored once.
CREATE TABLE "interactions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "client_id" TEXT,
  "lead_id" UUID,
  "kind" TEXT NOT NULL,
  "direction" TEXT,
  "channel" TEXT,
  "subject" TEXT,
  "body" TEXT,
  "agent_id" TEXT,
  "duration_seconds" INTEGER,
  "outcome" TEXT,
  "link" TEXT,
  "source" TEXT NOT NULL,
  "external_id" TEXT,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "interactions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "interactions_kind_check" CHECK ("kind" IN ('call', 'email', 'chat', 'meeting', 'note', 'system')),
  CONSTRAINT "interactions_direction_check" CHECK ("direction" IS NULL OR "direction" IN ('inbound', 'outbound', 'internal')),
  CONSTRAINT "interactions_party_check" CHECK ("client_id" IS NOT NULL OR "lead_id" IS NOT NULL),
  CONSTRAINT "interactions_duration_check" CHECK ("duration_seconds" IS NULL OR "duration_seconds" >= 0),
  CONSTRAINT "interactions_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "interactions_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "interactions_source_external_id_key" ON "interactions"("source", "external_id");
CREATE INDEX "interactions_client_id_occurred_at_idx" ON "interactions"("client_id", "occurred_at");
CREATE INDEX "interactions_lead_id_occurred_at_idx" ON "interactions"("lead_id", "occurred_at");

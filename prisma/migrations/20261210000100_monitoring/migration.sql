-- Ongoing monitoring (issue 10): scenarios as versioned rules, alerts, sweeps and backtests, suppression,
-- AML case groups and suspicious-activity reports, delta re-screening and periodic KYC refresh runs.
-- Function bodies spell their semicolons as the escape \073 (the migration runner splits on semicolons).

-- Amounts are compared in one reporting currency (USD): rate = USD per unit of the currency.
CREATE TABLE "monitoring_fx_rates" (
  "currency" TEXT NOT NULL,
  "usd_rate" NUMERIC(20,8) NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "monitoring_fx_rates_pkey" PRIMARY KEY ("currency"),
  CONSTRAINT "monitoring_fx_rates_positive" CHECK ("usd_rate" > 0)
);
INSERT INTO "monitoring_fx_rates" ("currency", "usd_rate") VALUES
  ('USD', 1), ('EUR', 1.08), ('GBP', 1.27), ('CHF', 1.12), ('JPY', 0.0067), ('CNY', 0.14), ('HKD', 0.128),
  ('SGD', 0.74), ('AUD', 0.66), ('CAD', 0.73), ('AED', 0.2723), ('THB', 0.028), ('VND', 0.000039), ('RUB', 0.011),
  ('USDT', 1), ('BTC', 60000), ('ETH', 3000);

-- What the scenarios read: transactions that happened (not failed or cancelled) with their amount in USD.
-- Currencies without a rate count at face value.
CREATE VIEW "monitoring_transactions" AS
  SELECT t."id", t."client_id", t."type", t."method", t."status", t."booked_at", t."amount", t."currency",
         t."amount" * COALESCE(fx."usd_rate", 1) AS "base_amount",
         t."counterparty_name", t."counterparty_country"
    FROM "transactions" t LEFT JOIN "monitoring_fx_rates" fx ON fx."currency" = upper(t."currency")
   WHERE t."status" NOT IN ('failed', 'cancelled');

CREATE TABLE "monitoring_scenarios" (
  "id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "template" TEXT NOT NULL,
  -- inline: evaluated as each transaction arrives (and by sweeps as a safety net), window: by sweeps
  "execution" TEXT NOT NULL,
  "description" TEXT NOT NULL,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "monitoring_scenarios_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_scenarios_execution" CHECK ("execution" IN ('inline', 'window', 'rescreen'))
);

CREATE TABLE "monitoring_scenario_versions" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "scenario_id" TEXT NOT NULL,
  "version" INTEGER NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'draft',
  "parameters" JSONB NOT NULL,
  "note" TEXT,
  "created_by_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "published_by_id" TEXT,
  "published_at" TIMESTAMPTZ(3),
  "retired_at" TIMESTAMPTZ(3),
  CONSTRAINT "monitoring_scenario_versions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_scenario_versions_status" CHECK ("status" IN ('draft', 'published', 'retired')),
  CONSTRAINT "monitoring_scenario_versions_published" CHECK ("status" = 'draft' OR "published_at" IS NOT NULL),
  CONSTRAINT "monitoring_scenario_versions_scenario_id_fkey" FOREIGN KEY ("scenario_id") REFERENCES "monitoring_scenarios"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "monitoring_scenario_versions_scenario_id_version_key" ON "monitoring_scenario_versions"("scenario_id", "version");
-- at most one draft and one version in force per scenario
CREATE UNIQUE INDEX "monitoring_scenario_versions_one_draft" ON "monitoring_scenario_versions"("scenario_id") WHERE "status" = 'draft';
CREATE UNIQUE INDEX "monitoring_scenario_versions_one_published" ON "monitoring_scenario_versions"("scenario_id") WHERE "status" = 'published';

-- A published version is frozen: its parameters, number and scenario never change, it is never deleted,
-- and its status only goes from published to retired (when a newer version is published).
CREATE FUNCTION monitoring_versions_frozen() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP = \'DELETE\' THEN IF OLD.status <> \'draft\' THEN RAISE EXCEPTION \'scenario version % is published and cannot be deleted\', OLD.id USING ERRCODE = \'23514\'\073 END IF\073 RETURN OLD\073 END IF\073 IF OLD.status = \'draft\' THEN RETURN NEW\073 END IF\073 IF NEW.parameters IS DISTINCT FROM OLD.parameters OR NEW.version <> OLD.version OR NEW.scenario_id <> OLD.scenario_id OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.published_by_id IS DISTINCT FROM OLD.published_by_id OR NEW.created_at <> OLD.created_at OR NEW.note IS DISTINCT FROM OLD.note OR NOT ((OLD.status = NEW.status AND NEW.retired_at IS NOT DISTINCT FROM OLD.retired_at) OR (OLD.status = \'published\' AND NEW.status = \'retired\')) THEN RAISE EXCEPTION \'scenario version % is published and cannot change\', OLD.id USING ERRCODE = \'23514\'\073 END IF\073 RETURN NEW\073 END\073';
CREATE TRIGGER monitoring_scenario_versions_frozen BEFORE UPDATE OR DELETE ON "monitoring_scenario_versions"
  FOR EACH ROW EXECUTE FUNCTION monitoring_versions_frozen();

-- Sweeps of window rules (scheduled or on demand) and backtests: progress by client id, so a run resumes
-- after the last batch it committed.
CREATE TABLE "monitoring_sweeps" (
  "id" UUID NOT NULL,
  -- scheduled | on_demand | backtest
  "kind" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'running',
  "from_at" TIMESTAMPTZ(3) NOT NULL,
  "to_at" TIMESTAMPTZ(3) NOT NULL,
  "client_ids" TEXT[],
  "scenario_id" TEXT,
  -- backtests: the versions compared (draft, then the version in force if any)
  "version_ids" UUID[] NOT NULL DEFAULT '{}',
  "cursor" TEXT,
  "batches_done" INTEGER NOT NULL DEFAULT 0,
  "clients_done" INTEGER NOT NULL DEFAULT 0,
  "total_clients" INTEGER NOT NULL DEFAULT 0,
  "alerts_created" INTEGER NOT NULL DEFAULT 0,
  "result" JSONB,
  "error" TEXT,
  "workflow_id" TEXT NOT NULL,
  "requested_by_id" TEXT,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "monitoring_sweeps_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_sweeps_kind" CHECK ("kind" IN ('scheduled', 'on_demand', 'backtest')),
  CONSTRAINT "monitoring_sweeps_status" CHECK ("status" IN ('running', 'completed', 'failed'))
);
CREATE INDEX "monitoring_sweeps_kind_started_at_idx" ON "monitoring_sweeps"("kind", "started_at");

CREATE TABLE "monitoring_alerts" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "scenario_id" TEXT NOT NULL,
  "scenario_version_id" UUID NOT NULL,
  "scenario_version" INTEGER NOT NULL,
  "client_id" TEXT NOT NULL,
  -- what makes the alert one: the transaction that completed the pattern, or the list entry matched
  "window_key" TEXT NOT NULL,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "window_end" TIMESTAMPTZ(3) NOT NULL,
  "transaction_ids" UUID[] NOT NULL DEFAULT '{}',
  -- transactions, aggregates, thresholds: why it fired
  "evidence" JSONB NOT NULL,
  -- new (not yet in a case) | open | confirmed | dismissed | withdrawn
  "status" TEXT NOT NULL DEFAULT 'new',
  -- inline | sweep | rescreen
  "source" TEXT NOT NULL,
  "sweep_id" UUID,
  "case_id" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "monitoring_alerts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_alerts_status" CHECK ("status" IN ('new', 'open', 'confirmed', 'dismissed', 'withdrawn')),
  CONSTRAINT "monitoring_alerts_scenario_version_id_fkey" FOREIGN KEY ("scenario_version_id") REFERENCES "monitoring_scenario_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "monitoring_alerts_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- idempotent alerts: one per scenario version, client and window
CREATE UNIQUE INDEX "monitoring_alerts_version_client_window_key" ON "monitoring_alerts"("scenario_version_id", "client_id", "window_key");
CREATE INDEX "monitoring_alerts_client_id_scenario_id_window_end_idx" ON "monitoring_alerts"("client_id", "scenario_id", "window_end");
CREATE INDEX "monitoring_alerts_case_id_idx" ON "monitoring_alerts"("case_id");
CREATE INDEX "monitoring_alerts_unrouted_idx" ON "monitoring_alerts"("created_at") WHERE "case_id" IS NULL AND "status" = 'new';
CREATE INDEX "monitoring_alerts_created_at_idx" ON "monitoring_alerts"("created_at");

-- What a backtest would have raised, per version compared. Never alerts.
CREATE TABLE "monitoring_backtest_hits" (
  "sweep_id" UUID NOT NULL,
  "scenario_version_id" UUID NOT NULL,
  "client_id" TEXT NOT NULL,
  "window_key" TEXT NOT NULL,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "window_end" TIMESTAMPTZ(3) NOT NULL,
  "transaction_ids" UUID[] NOT NULL DEFAULT '{}',
  "evidence" JSONB NOT NULL,
  CONSTRAINT "monitoring_backtest_hits_pkey" PRIMARY KEY ("sweep_id", "scenario_version_id", "client_id", "window_key"),
  CONSTRAINT "monitoring_backtest_hits_sweep_id_fkey" FOREIGN KEY ("sweep_id") REFERENCES "monitoring_sweeps"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Snoozes: no alert of the scenario (any scenario when null) for the client until the expiry.
CREATE TABLE "monitoring_snoozes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "scenario_id" TEXT,
  "client_id" TEXT NOT NULL,
  "until" TIMESTAMPTZ(3) NOT NULL,
  "reason" TEXT NOT NULL,
  "created_by_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lifted_at" TIMESTAMPTZ(3),
  "lifted_by_id" TEXT,
  CONSTRAINT "monitoring_snoozes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_snoozes_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "monitoring_snoozes_client_id_until_idx" ON "monitoring_snoozes"("client_id", "until");

-- Whitelisted counterparty pairs: payments between the client and this counterparty raise no
-- third-party or jurisdiction alert. counterparty_key is the name folded by the screening normaliser.
CREATE TABLE "monitoring_whitelist" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "client_id" TEXT NOT NULL,
  "counterparty_name" TEXT NOT NULL,
  "counterparty_key" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "expires_at" TIMESTAMPTZ(3),
  "created_by_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "removed_at" TIMESTAMPTZ(3),
  "removed_by_id" TEXT,
  CONSTRAINT "monitoring_whitelist_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "monitoring_whitelist_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "monitoring_whitelist_active_key" ON "monitoring_whitelist"("client_id", "counterparty_key") WHERE "removed_at" IS NULL;

-- AML cases: alerts of one client group into one open case. The partial unique index is the rule: a
-- second open group for the client cannot be inserted, whoever tries at the same moment.
CREATE TABLE "aml_case_groups" (
  "case_id" TEXT NOT NULL,
  "client_id" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'open',
  "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "closed_at" TIMESTAMPTZ(3),
  CONSTRAINT "aml_case_groups_pkey" PRIMARY KEY ("case_id"),
  CONSTRAINT "aml_case_groups_status" CHECK ("status" IN ('open', 'closed')),
  CONSTRAINT "aml_case_groups_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "aml_case_groups_one_open_per_client" ON "aml_case_groups"("client_id") WHERE "status" = 'open';

-- The suspicious-activity report of an escalated AML case.
CREATE TABLE "aml_sars" (
  "case_id" TEXT NOT NULL,
  "generated_narrative" TEXT NOT NULL,
  "narrative" TEXT NOT NULL,
  -- draft | submitted | approved | filed
  "status" TEXT NOT NULL DEFAULT 'draft',
  "prepared_by_id" TEXT,
  "submitted_at" TIMESTAMPTZ(3),
  "approved_by_id" TEXT,
  "approved_at" TIMESTAMPTZ(3),
  "filed_by_id" TEXT,
  "filed_at" TIMESTAMPTZ(3),
  "filing_reference" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "aml_sars_pkey" PRIMARY KEY ("case_id"),
  CONSTRAINT "aml_sars_status" CHECK ("status" IN ('draft', 'submitted', 'approved', 'filed'))
);

-- Re-screening. The change between two versions of a list, computed when the newer one is imported.
CREATE TABLE "sanction_list_deltas" (
  "version_id" UUID NOT NULL,
  "previous_version_id" UUID,
  "entry_id" TEXT NOT NULL,
  -- added | changed | removed
  "change" TEXT NOT NULL,
  CONSTRAINT "sanction_list_deltas_pkey" PRIMARY KEY ("version_id", "entry_id"),
  CONSTRAINT "sanction_list_deltas_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "sanction_list_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The reverse-screening index of the client book: blocking keys of each client name (t: token or two
-- joined tokens, s: consonant skeleton) and, per distinct token, its one-deletion keys (d:), so a list
-- name finds the clients it may match without reading the book.
CREATE TABLE "screening_book_keys" (
  "key" TEXT NOT NULL,
  "client_id" TEXT NOT NULL,
  CONSTRAINT "screening_book_keys_pkey" PRIMARY KEY ("key", "client_id")
);
CREATE INDEX "screening_book_keys_client_id_idx" ON "screening_book_keys"("client_id");
CREATE TABLE "screening_book_state" (
  "client_id" TEXT NOT NULL,
  "name_hash" TEXT NOT NULL,
  "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "screening_book_state_pkey" PRIMARY KEY ("client_id")
);
CREATE TABLE "screening_token_deletions" (
  "key" TEXT NOT NULL,
  "token" TEXT NOT NULL,
  CONSTRAINT "screening_token_deletions_pkey" PRIMARY KEY ("key", "token")
);

-- A client matched to a list entry by re-screening, and whether the entry is still listed.
CREATE TABLE "screening_matches" (
  "client_id" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "entry_id" TEXT NOT NULL,
  -- open | withdrawn (the entry left the list)
  "status" TEXT NOT NULL DEFAULT 'open',
  "score" DOUBLE PRECISION NOT NULL,
  "entry_name" TEXT NOT NULL,
  "explanation" JSONB NOT NULL,
  "version_id" UUID NOT NULL,
  "run_id" UUID,
  "alert_id" UUID,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "withdrawn_at" TIMESTAMPTZ(3),
  CONSTRAINT "screening_matches_pkey" PRIMARY KEY ("client_id", "source", "entry_id")
);
CREATE INDEX "screening_matches_source_entry_id_idx" ON "screening_matches"("source", "entry_id");

CREATE TABLE "rescreen_runs" (
  "id" UUID NOT NULL,
  -- delta (one list version against the book) | full (the book against every list)
  "kind" TEXT NOT NULL,
  "version_id" UUID,
  "status" TEXT NOT NULL DEFAULT 'running',
  "cursor" TEXT,
  "total" INTEGER NOT NULL DEFAULT 0,
  "done" INTEGER NOT NULL DEFAULT 0,
  "matches_new" INTEGER NOT NULL DEFAULT 0,
  "matches_withdrawn" INTEGER NOT NULL DEFAULT 0,
  "error" TEXT,
  "workflow_id" TEXT NOT NULL,
  "requested_by_id" TEXT,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "rescreen_runs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "rescreen_runs_kind" CHECK ("kind" IN ('delta', 'full')),
  CONSTRAINT "rescreen_runs_status" CHECK ("status" IN ('running', 'completed', 'failed'))
);
CREATE UNIQUE INDEX "rescreen_runs_delta_version_key" ON "rescreen_runs"("version_id") WHERE "kind" = 'delta';

-- Periodic KYC refresh: one run a day starts reviews for the clients due.
CREATE TABLE "kyc_refresh_runs" (
  "id" UUID NOT NULL,
  "as_of" TIMESTAMPTZ(3) NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'running',
  "started" INTEGER NOT NULL DEFAULT 0,
  "already_open" INTEGER NOT NULL DEFAULT 0,
  "cursor" TEXT,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "kyc_refresh_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "clients_next_review_at_idx" ON "clients"("next_review_at");

-- Risk rises pull the next KYC review forward, whatever path made them: a PEP flag set on an existing KYC profile
-- (a new profile is the review itself),
-- or a country moved to a higher risk category (for clients living in, or nationals of, that country).
-- The daily KYC refresh then starts the reviews. Both are audited.
CREATE FUNCTION kyc_pep_raises_risk() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF NEW.pep AND NOT OLD.pep THEN UPDATE clients SET next_review_at = LEAST(coalesce(next_review_at, now()), now()) WHERE id = NEW.client_id\073 INSERT INTO audit_events (action, entity, entity_id, data) VALUES (\'kyc_review_pulled_forward\', \'client\', NEW.client_id, jsonb_build_object(\'trigger\', \'pep\', \'reason\', \'PEP flag set on the KYC profile\'))\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER kyc_profiles_pep_raises_risk AFTER UPDATE OF "pep" ON "kyc_profiles"
  FOR EACH ROW EXECUTE FUNCTION kyc_pep_raises_risk();

CREATE FUNCTION country_band_raises_risk() RETURNS trigger LANGUAGE plpgsql
  AS E'DECLARE n integer\073 BEGIN IF coalesce(array_position(ARRAY[\'standard\', \'elevated\', \'grey\', \'black\'], NEW.category), 0) > coalesce(array_position(ARRAY[\'standard\', \'elevated\', \'grey\', \'black\'], OLD.category), 0) THEN UPDATE clients c SET next_review_at = LEAST(coalesce(c.next_review_at, now()), now()) WHERE c.country = NEW.code OR c.nationality = NEW.code OR EXISTS (SELECT 1 FROM kyc_profiles p WHERE p.client_id = c.id AND (p.nationality = NEW.code OR p.residence = NEW.code))\073 GET DIAGNOSTICS n = ROW_COUNT\073 INSERT INTO audit_events (action, entity, entity_id, data) VALUES (\'kyc_reviews_pulled_forward\', \'country_risk\', NEW.code, jsonb_build_object(\'trigger\', \'country_band\', \'from\', OLD.category, \'to\', NEW.category, \'clients\', n))\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER country_risk_band_raises_risk AFTER UPDATE OF "category" ON "country_risk"
  FOR EACH ROW EXECUTE FUNCTION country_band_raises_risk();

-- Imports as background jobs (issue 9 item 5, docs/crm.md "Imports"). A job holds the file as uploaded,
-- one row per data line (import_rows, read by the job in line ranges), what was found wrong or duplicated
-- (import_findings) and, for leads, the e-mail and phone keys of the rows taken so far (import_keys), so
-- that a later line with the same key is a duplicate within the file. Progress moves in the transaction
-- that applies a batch: a killed worker resumes after the last committed batch.
CREATE TABLE "import_jobs" (
  "id" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "file_name" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "dry_run" BOOLEAN NOT NULL DEFAULT false,
  "source" TEXT,
  "columns" TEXT[] NOT NULL,
  "fields" TEXT[] NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'queued',
  "total" INTEGER NOT NULL DEFAULT 0,
  "processed" INTEGER NOT NULL DEFAULT 0,
  "applied" INTEGER NOT NULL DEFAULT 0,
  "rejected" INTEGER NOT NULL DEFAULT 0,
  "duplicates" INTEGER NOT NULL DEFAULT 0,
  "cases_total" INTEGER NOT NULL DEFAULT 0,
  "cases_processed" INTEGER NOT NULL DEFAULT 0,
  "cases_started" INTEGER NOT NULL DEFAULT 0,
  "cases_seq" INTEGER NOT NULL DEFAULT 0,
  "error" TEXT,
  "created_by_id" TEXT NOT NULL,
  "branch_id" TEXT,
  "idempotency_key" TEXT,
  "request_hash" TEXT,
  "workflow_id" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "started_at" TIMESTAMPTZ(3),
  "finished_at" TIMESTAMPTZ(3),
  "applied_at" TIMESTAMPTZ(3),
  CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "import_jobs_kind_check" CHECK ("kind" IN ('leads', 'clients', 'accounts', 'transactions')),
  CONSTRAINT "import_jobs_format_check" CHECK ("format" IN ('csv', 'xlsx')),
  CONSTRAINT "import_jobs_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed', 'dry_run')),
  CONSTRAINT "import_jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "import_jobs_created_by_id_created_at_idx" ON "import_jobs"("created_by_id", "created_at");
CREATE INDEX "import_jobs_created_at_idx" ON "import_jobs"("created_at");
CREATE UNIQUE INDEX "import_jobs_created_by_id_idempotency_key_key" ON "import_jobs"("created_by_id", "idempotency_key");

CREATE TABLE "import_rows" (
  "job_id" UUID NOT NULL,
  "seq" INTEGER NOT NULL,
  "line" INTEGER NOT NULL,
  "cells" JSONB NOT NULL,
  CONSTRAINT "import_rows_pkey" PRIMARY KEY ("job_id", "seq"),
  CONSTRAINT "import_rows_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "import_findings" (
  "id" BIGSERIAL NOT NULL,
  "job_id" UUID NOT NULL,
  "seq" INTEGER NOT NULL,
  "line" INTEGER NOT NULL,
  "field" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "rejected" BOOLEAN NOT NULL,
  "other_kind" TEXT,
  "other_id" TEXT,
  CONSTRAINT "import_findings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "import_findings_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "import_findings_job_id_seq_idx" ON "import_findings"("job_id", "seq");

CREATE TABLE "import_keys" (
  "job_id" UUID NOT NULL,
  "key" TEXT NOT NULL,
  "line" INTEGER NOT NULL,
  CONSTRAINT "import_keys_pkey" PRIMARY KEY ("job_id", "key"),
  CONSTRAINT "import_keys_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

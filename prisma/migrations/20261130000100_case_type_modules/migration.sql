-- Case types as modules (issue 8): the engine tables stop naming the roles or facts of any case type.

-- Roles are plain text, declared by each case-type module (plus `admin`, the platform role), a user may hold
-- several (an administrator who also decides cases holds both roles).
ALTER TABLE "users" ADD COLUMN "roles" TEXT[] NOT NULL DEFAULT '{}';
UPDATE "users" SET "roles" = ARRAY["role"::text];
ALTER TABLE "users" DROP COLUMN "role";
ALTER TABLE "users" ADD CONSTRAINT "users_roles_not_empty" CHECK (cardinality("roles") > 0);
ALTER TABLE "users" ALTER COLUMN "roles" DROP DEFAULT;
ALTER TABLE "tasks" ALTER COLUMN "required_roles" TYPE TEXT[] USING "required_roles"::text[];
DROP TYPE "Role";

-- A case row keeps its lifecycle, what a case type knows about a case lives in `attributes`, typed by
-- the schema of the case type. `summary` is the line people recognise a case by (searchable).
ALTER TABLE "cases"
  ADD COLUMN "attributes" JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN "summary" TEXT,
  ADD COLUMN "reference" TEXT;
UPDATE "cases" SET "attributes" = jsonb_strip_nulls(jsonb_build_object(
    'channel', "channel", 'category', "category", 'severity', "severity", 'description', "description",
    'rootCause', "root_cause", 'resolution', "resolution", 'reopenCount', "reopen_count")),
  "summary" = left("description", 200)
  WHERE "type" = 'complaint';
UPDATE "cases" SET "attributes" = jsonb_strip_nulls(jsonb_build_object(
    'kind', "category", 'riskBand', "severity", 'decision', "resolution", 'note', "description")),
  "summary" = left("description", 200)
  WHERE "type" = 'kyc_review';

-- Human references: <prefix>-<year>-<sequence>, a sequence without gaps per prefix and year. The counter
-- row is taken in the same transaction that inserts the case, so a rolled-back insert uses no number.
CREATE TABLE "case_reference_counters" (
  "prefix" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "last" INTEGER NOT NULL,
  CONSTRAINT "case_reference_counters_pkey" PRIMARY KEY ("prefix", "year")
);
WITH numbered AS (
  SELECT "id",
    CASE "type" WHEN 'complaint' THEN 'CMP' WHEN 'kyc_review' THEN 'KYC' ELSE upper(left("type", 3)) END AS prefix,
    extract(year FROM "opened_at" AT TIME ZONE 'UTC')::int AS year,
    row_number() OVER (PARTITION BY "type", extract(year FROM "opened_at" AT TIME ZONE 'UTC') ORDER BY "opened_at", "id") AS n
  FROM "cases")
UPDATE "cases" c SET "reference" = numbered.prefix || '-' || numbered.year || '-' || lpad(numbered.n::text, 6, '0')
  FROM numbered WHERE numbered."id" = c."id";
INSERT INTO "case_reference_counters" ("prefix", "year", "last")
  SELECT split_part("reference", '-', 1), split_part("reference", '-', 2)::int, max(split_part("reference", '-', 3)::int)
  FROM "cases" GROUP BY 1, 2;
ALTER TABLE "cases" ALTER COLUMN "reference" SET NOT NULL;
CREATE UNIQUE INDEX "cases_reference_key" ON "cases"("reference");

ALTER TABLE "cases"
  DROP COLUMN "channel", DROP COLUMN "category", DROP COLUMN "severity", DROP COLUMN "description",
  DROP COLUMN "root_cause", DROP COLUMN "resolution", DROP COLUMN "reopen_count";

-- Idempotency-Key of a create request: the same key with another body is refused (422), not answered
-- with the case of the first request.
CREATE TABLE "idempotency_keys" (
  "key_hash" TEXT NOT NULL,
  "user_id" TEXT NOT NULL,
  "case_type" TEXT NOT NULL,
  "case_id" TEXT NOT NULL,
  "request_hash" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key_hash")
);

-- A case whose projection cannot be written (an error no retry can fix) waits here for a person.
CREATE TABLE "case_incidents" (
  "id" BIGSERIAL NOT NULL,
  "workflow_id" TEXT NOT NULL,
  "case_id" TEXT NOT NULL,
  "case_type" TEXT NOT NULL,
  "code" TEXT NOT NULL,
  "message" TEXT NOT NULL,
  "opened_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "resolved_at" TIMESTAMP(3),
  "resolved_by_id" TEXT,
  "resolution" TEXT,
  CONSTRAINT "case_incidents_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_incidents_open_key" ON "case_incidents"("workflow_id") WHERE "resolved_at" IS NULL;
CREATE INDEX "case_incidents_opened_at_idx" ON "case_incidents"("opened_at");

-- The outcomes a task may be completed with now, as the workflow offers them (a blocked approval is not
-- among them), so the console shows only those. Tasks written before: empty, meaning every outcome.
ALTER TABLE "tasks" ADD COLUMN "allowed_outcomes" TEXT[] NOT NULL DEFAULT '{}';

-- Inbox queries with 100 000 active tasks (bench/case-engine/inbox.ts): a branch-wide scope was a join to
-- teams that scanned every task, and team queues sorted all their rows. A task now carries its case's
-- branch, and partial indexes cover the active tasks in the orders the inbox asks for.
ALTER TABLE "tasks" ADD COLUMN "branch_id" TEXT;
UPDATE "tasks" t SET "branch_id" = c."branch_id" FROM "cases" c WHERE c."id" = t."case_id";
ALTER TABLE "tasks" ALTER COLUMN "branch_id" SET NOT NULL;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Partial indexes are not expressible in the Prisma schema, so they live here only.
CREATE INDEX "tasks_active_team_due_idx" ON "tasks" ("team_id", "due_at") INCLUDE ("priority", "breach_at", "at_risk_at", "sla_paused_at") WHERE "status" IN ('open', 'claimed');
CREATE INDEX "tasks_active_team_priority_idx" ON "tasks" ("team_id", "priority", "due_at") WHERE "status" IN ('open', 'claimed');
CREATE INDEX "tasks_active_branch_due_idx" ON "tasks" ("branch_id", "due_at") INCLUDE ("priority", "breach_at", "at_risk_at", "sla_paused_at") WHERE "status" IN ('open', 'claimed');
CREATE INDEX "tasks_active_branch_priority_idx" ON "tasks" ("branch_id", "priority", "due_at") WHERE "status" IN ('open', 'claimed');

-- Client development (issue 9 item 3, docs/case-types/client-development.md): a case may be about a lead
-- before the lead becomes a client. The case keeps the lead, and the client once the lead applies.
ALTER TABLE "cases" ALTER COLUMN "client_id" DROP NOT NULL;
ALTER TABLE "cases" ADD COLUMN "lead_id" UUID;
ALTER TABLE "cases" ADD CONSTRAINT "cases_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_or_lead" CHECK ("client_id" IS NOT NULL OR "lead_id" IS NOT NULL);
CREATE INDEX "cases_lead_id_idx" ON "cases"("lead_id");
-- the funnel reads the cases of one type opened in a period
CREATE INDEX "cases_type_opened_at_idx" ON "cases"("type", "opened_at");

-- The client a lead became (its application), how urgent a first contact is, and why it was lost.
ALTER TABLE "leads" ADD COLUMN "client_id" TEXT;
ALTER TABLE "leads" ADD CONSTRAINT "leads_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "leads" ADD COLUMN "temperature" TEXT NOT NULL DEFAULT 'warm';
ALTER TABLE "leads" ADD CONSTRAINT "leads_temperature_check" CHECK ("temperature" IN ('hot', 'warm', 'cold'));
ALTER TABLE "leads" ADD COLUMN "lost_reason" TEXT;
CREATE INDEX "leads_client_id_idx" ON "leads"("client_id");

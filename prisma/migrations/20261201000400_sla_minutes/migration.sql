-- SLA targets in business minutes too (a chat desk answers within minutes), added after days and hours.
ALTER TABLE "sla_policies" ADD COLUMN "business_minutes" INTEGER;

// What a case type's activities folder exports: its definition, its activities, and the SLA policies it
// needs to run (installed idempotently when the worker starts; administrators edit them through the API).
import type { Db } from '../../platform/db';
import type { CaseTypeDefinition } from '../../workflows/engine/case-type';

export interface SlaPolicyDefault {
  /** a step, or `_case` for the whole case's deadline */
  step: string;
  category?: string;
  severity?: string;
  businessDays?: number;
  businessHours?: number;
  businessMinutes?: number;
  /** business minutes after a breach before the second escalation (default 240) */
  escalateAfterMinutes?: number;
}

export interface CaseTypeActivities<A extends Record<string, unknown> = Record<string, unknown>> {
  definition: CaseTypeDefinition;
  slaDefaults: SlaPolicyDefault[];
  create(db: Db): A;
}

export const defineCaseTypeActivities = <A extends Record<string, unknown>>(module: CaseTypeActivities<A>) => module;

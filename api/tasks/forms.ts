import type { z } from 'zod';
import { COMPLAINT_FORMS } from '../complaints/forms';
import { KYC_FORMS } from '../kyc/forms';

/** Completion forms by case type and step. A new case type adds its table here. */
export const FORMS: Record<string, Record<string, z.ZodType>> = {
  complaint: COMPLAINT_FORMS,
  kyc_review: KYC_FORMS,
};

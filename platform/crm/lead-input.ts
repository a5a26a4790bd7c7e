// A lead as POST /api/leads, the CSV lead import and import jobs take it: one schema, so a lead is valid
// or not in the same way whichever way it comes in.
import { z } from 'zod';

/** A calendar day (YYYY-MM-DD) between 1900 and 2200, as api/http/schemas.ts's Day. */
export const Day = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2200-12-31', 'a date between 1900-01-01 and 2200-12-31');
export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag, e.g. en or zh-CN');
export const Country = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code, e.g. GB'));
const text = (max: number) => z.string().trim().min(1).max(max);

export const CreateLeadBody = z
  .object({
    firstName: text(100),
    lastName: text(100),
    email: z.email().max(254).optional(),
    /** any national or international format; a national one is read in `country` */
    phone: text(40).optional(),
    country: Country.optional(),
    source: text(60),
    campaign: text(120).optional(),
    /** the introducing broker's id */
    ib: text(100).optional(),
    utmSource: text(200).optional(),
    utmMedium: text(200).optional(),
    utmCampaign: text(200).optional(),
    utmTerm: text(200).optional(),
    utmContent: text(200).optional(),
    dateOfBirth: Day.optional(),
    language: Language.optional(),
    /** how soon the first contact is due: hot (default 2 business hours), warm (default), cold */
    temperature: z.enum(['hot', 'warm', 'cold']).optional(),
    /** staff: the lead's branch (default yours) and its account manager (default: the assignment rules) */
    branchId: text(100).optional(),
    accountManagerId: text(100).optional(),
  })
  .strict()
  .refine((b) => b.email || b.phone, { message: 'an e-mail address or a phone number', path: ['email'] });

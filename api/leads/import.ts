// CSV lead import (POST /api/leads/import): a headed CSV read with csv-parse, every row validated on its own as
// POST /api/leads validates a lead, checked for duplicates within the file and against leads and clients, then
// (unless a dry run) created with the assignment rules and its client-development case. Each row answers with
// its line and what became of it, so the sender fixes only the rows refused. With an Idempotency-Key the
// rows' ids derive from it and the line: the same import sent again creates nothing twice.
import type { Router } from 'express';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { derivedId } from '../../platform/ids';
import { LeadInputError, createLead } from '../../platform/crm/leads';
import { findDuplicates } from '../../platform/crm/duplicates';
import { normalizePhone } from '../../platform/crm/phones';
import { intakeLead } from '../../platform/crm/development';
import type { ApiDeps } from '../deps';
import { badRequest, forbidden } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { resolveClientScope } from '../clients/scope';

/** Rows per request: a bigger file goes in parts (the JSON body is at most 256 kB anyway). */
export const MAX_IMPORT_ROWS = 1000;

/** A lead as POST /api/leads takes it (its body schema, passed in by the leads router). */
type LeadBody = z.ZodType<{
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  country?: string;
  source: string;
  campaign?: string;
  ib?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmTerm?: string;
  utmContent?: string;
  dateOfBirth?: string;
  language?: string;
  temperature?: 'hot' | 'warm' | 'cold';
}>;

/** The columns a file may have, by their name folded (lower case, letters and digits only): first_name, First Name, firstName. */
const COLUMNS: Record<string, string> = {
  firstname: 'firstName',
  lastname: 'lastName',
  email: 'email',
  phone: 'phone',
  country: 'country',
  source: 'source',
  campaign: 'campaign',
  ib: 'ib',
  utmsource: 'utmSource',
  utmmedium: 'utmMedium',
  utmcampaign: 'utmCampaign',
  utmterm: 'utmTerm',
  utmcontent: 'utmContent',
  dateofbirth: 'dateOfBirth',
  language: 'language',
  temperature: 'temperature',
};
const fold = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

const ImportBody = z
  .object({
    /** the file's text: a header line, then one lead per line */
    csv: z.string().min(1).max(250_000),
    /** validate and look for duplicates only; nothing is stored */
    dryRun: z.boolean().default(false),
    /** the source of rows without a source column or value (e.g. "import", "expo-2026") */
    source: z.string().trim().min(1).max(60).optional(),
  })
  .strict();

const Duplicate = z.object({ id: z.string(), kind: z.string(), reason: z.string() });
const RowResult = z.object({
  /** the line of the file the row ends on (the header is line 1; a quoted value may span lines) */
  line: z.number().int(),
  /** created (or, on a repeat of the same import, found), would_create (dry run), invalid, duplicate_in_file */
  status: z.enum(['created', 'exists', 'would_create', 'invalid', 'duplicate_in_file']),
  id: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** leads and clients it duplicates (same e-mail, phone, or similar name with the same date of birth) */
  duplicates: z.array(Duplicate),
  /** for duplicate_in_file: the earlier line with the same e-mail or phone */
  sameAsLine: z.number().int().nullable(),
  /** the lead's client-development case, when one started or reopened */
  developmentCase: z.object({ action: z.string(), caseId: z.string().nullable() }).nullable(),
});
const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(RowResult),
  summary: z.object({
    total: z.number().int(),
    created: z.number().int(),
    invalid: z.number().int(),
    duplicateInFile: z.number().int(),
    withDuplicates: z.number().int(),
  }),
});
type Row = z.infer<typeof RowResult>;

export function defineLeadImportRoute(
  router: Router,
  registry: RouteRegistry,
  deps: ApiDeps,
  roles: string[],
  CreateLeadBody: LeadBody,
): void {
  const { pool } = deps.db;
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/leads/import',
      summary:
        `Import leads from CSV (at most ${MAX_IMPORT_ROWS} rows per request; columns firstName, lastName, email, phone, country, source, campaign, ib, ` +
        'utm*, dateOfBirth, language, temperature, any letter case or with _ or spaces). Every row answers with its line: created, invalid with its ' +
        'errors, or a duplicate of an earlier line; duplicates among leads and clients are listed. dryRun stores nothing. ' +
        'With an Idempotency-Key the same import sent again creates nothing twice.',
      tag: 'leads',
      roles,
      body: ImportBody,
      response: ImportResult,
    },
    async ({ body, user, req }) => {
      const scope = await resolveClientScope(deps, user);
      if (!scope.grant.edits) throw forbidden('Only staff who edit clients import leads', 'staff_only');
      let records: { record: string[]; info: { lines: number } }[];
      try {
        // info: each record with the line it ends on (a quoted value may span lines)
        records = parse(body.csv, {
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
          trim: true,
          info: true,
        }) as unknown as typeof records;
      } catch (err) {
        throw badRequest([{ path: 'body.csv', message: `not readable as CSV: ${err instanceof Error ? err.message : String(err)}` }]);
      }
      const [header, ...data] = records.map((r) => ({ fields: r.record, line: r.info.lines }));
      if (!header) throw badRequest([{ path: 'body.csv', message: 'empty: no header line' }]);
      const columns = header.fields.map((h) => COLUMNS[fold(h)] ?? null);
      const unknown = header.fields.filter((_, i) => !columns[i]);
      const missing = ['firstName', 'lastName'].filter((c) => !columns.includes(c));
      if (!columns.includes('source') && !body.source) missing.push('source');
      if (missing.length || unknown.length) {
        throw badRequest([
          ...missing.map((c) => ({ path: 'body.csv', message: `the header lacks the column ${c}` })),
          ...unknown.map((c) => ({ path: 'body.csv', message: `unknown column "${c}"` })),
        ]);
      }
      const rows = data.filter((r) => r.fields.some((f) => f !== ''));
      if (rows.length > MAX_IMPORT_ROWS)
        throw badRequest([{ path: 'body.csv', message: `${rows.length} rows: at most ${MAX_IMPORT_ROWS} per request` }]);
      const key = req.header('idempotency-key');

      const seen = new Map<string, number>();
      const results: Row[] = [];
      for (const { fields, line } of rows) {
        const row: Row = { line, status: 'invalid', id: null, errors: [], duplicates: [], sameAsLine: null, developmentCase: null };
        results.push(row);
        if (fields.length > columns.length) {
          row.errors.push({
            field: 'row',
            message: `${fields.length} fields, the header has ${columns.length} (a comma in an unquoted value?)`,
          });
          continue;
        }
        const raw: Record<string, string> = {};
        columns.forEach((c, i) => {
          if (c && fields[i]) raw[c] = fields[i];
        });
        if (!raw.source && body.source) raw.source = body.source;
        const parsed = CreateLeadBody.safeParse(raw);
        if (!parsed.success) {
          row.errors.push(...parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'row', message: i.message })));
          continue;
        }
        const lead = parsed.data;
        const phone = lead.phone ? normalizePhone(lead.phone, lead.country) : null;
        if (lead.phone && !phone) {
          row.errors.push({ field: 'phone', message: 'not a phone number; give it with its country code, or a country column' });
          continue;
        }
        const emailNorm = lead.email?.trim().toLowerCase() ?? null;
        const earlier = (emailNorm && seen.get(`e:${emailNorm}`)) || (phone && seen.get(`p:${phone.e164}`)) || null;
        if (earlier) {
          row.status = 'duplicate_in_file';
          row.sameAsLine = earlier;
          continue;
        }
        if (emailNorm) seen.set(`e:${emailNorm}`, line);
        if (phone) seen.set(`p:${phone.e164}`, line);

        if (body.dryRun) {
          const found = await findDuplicates(pool, {
            emailNorm,
            phoneE164: phone?.e164 ?? null,
            dateOfBirth: lead.dateOfBirth ?? null,
            fullName: `${lead.firstName} ${lead.lastName}`,
          });
          row.duplicates = found.map(({ id, kind, reason }) => ({ id, kind, reason }));
          row.status = 'would_create';
          continue;
        }
        const id = key ? derivedId(`lead-import/${user.id}/${key}/${line}`) : crypto.randomUUID();
        try {
          const created = await createLead(
            pool,
            id,
            { ...lead, introducingBrokerId: lead.ib, branchId: lead.ib ? undefined : user.branchId },
            { actorId: user.id, ip: req.ip },
          );
          row.id = created.lead.id;
          row.status = created.created ? 'created' : 'exists';
          row.duplicates = created.duplicates.map(({ id: other, kind, reason }) => ({ id: other, kind, reason }));
        } catch (err) {
          if (!(err instanceof LeadInputError)) throw err;
          row.errors.push(...err.fields.map((f) => ({ field: f.path.replace(/^body\./, ''), message: f.message })));
          continue;
        }
        // its client-development case, as POST /api/leads starts it (a repeat finds the case it started)
        const intake = await intakeLead(deps.temporal, deps.env.TEMPORAL_TASK_QUEUE, pool, row.id);
        row.developmentCase = { action: intake.action, caseId: intake.action === 'none' ? null : intake.caseId };
      }
      return {
        dryRun: body.dryRun,
        rows: results,
        summary: {
          total: results.length,
          created: results.filter((r) => r.status === 'created').length,
          invalid: results.filter((r) => r.status === 'invalid').length,
          duplicateInFile: results.filter((r) => r.status === 'duplicate_in_file').length,
          withDuplicates: results.filter((r) => r.duplicates.length > 0).length,
        },
      };
    },
  );
}

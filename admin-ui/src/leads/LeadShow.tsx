import { Alert, Box, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { recordPath } from './api';
import { DuplicateFindings } from './DuplicateFindings';
import { AccountManagerField, LeadStatusField } from './fields';
import type { Lead } from './types';
import { Section } from '../layout/Section';

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 2, my: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 180 }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" data-testid={testId}>
        {children ?? '-'}
      </Typography>
    </Box>
  );
};

/** A lead field's label key. */
const F = (field: string) => `resources.leads.fields.${field}`;

/** Name, contacts, country, language, date of birth, status and temperature, the account manager and branch. */
const LeadFields = () => {
  const lead = useRecordContext<Lead>();
  const translate = useTranslate();
  const format = useFormat();
  if (!lead) return null;
  return (
    <>
      <Row label={F('name')} testId="lead-show-name">{`${lead.firstName} ${lead.lastName}`}</Row>
      <Row label={F('email')} testId="lead-show-email">
        {lead.email}
      </Row>
      <Row label={F('phone')} testId="lead-show-phone">
        {lead.phone}
      </Row>
      <Row label={F('country')}>{lead.country ? format.country(lead.country) : null}</Row>
      <Row label={F('language')}>{lead.language}</Row>
      <Row label={F('dateOfBirth')}>{lead.dateOfBirth}</Row>
      <Row label={F('status')}>
        <LeadStatusField />
      </Row>
      <Row label={F('temperature')}>{translate(`lead.temperature.${lead.temperature}`, { _: humanize(lead.temperature) })}</Row>
      <Row label={F('accountManagerId')}>
        <AccountManagerField />
      </Row>
      <Row label={F('branchId')} testId="lead-show-branch">
        {lead.branchName ?? lead.branchId}
      </Row>
      <Row label={F('createdAt')}>{format.dateTime(lead.createdAt)}</Row>
      {lead.lostReason && <Row label={F('lostReason')}>{lead.lostReason}</Row>}
    </>
  );
};

/** Where the lead came from: source, campaign, introducing broker and the UTM parameters. */
const Attribution = () => {
  const lead = useRecordContext<Lead>();
  if (!lead) return null;
  return (
    <>
      <Row label={F('source')} testId="lead-show-source">
        {lead.source}
      </Row>
      <Row label={F('campaign')}>{lead.campaign}</Row>
      <Row label={F('ib')} testId="lead-show-ib">
        {lead.ibName ?? lead.ib}
      </Row>
      <Row label="lead.utm.source">{lead.utm.source}</Row>
      <Row label="lead.utm.medium">{lead.utm.medium}</Row>
      <Row label="lead.utm.campaign">{lead.utm.campaign}</Row>
      <Row label="lead.utm.term">{lead.utm.term}</Row>
      <Row label="lead.utm.content">{lead.utm.content}</Row>
    </>
  );
};

/** A merged lead names what it was merged into; a converted one its client (by name, or by id only when that record is
 * outside the user's scope). */
const Outcome = () => {
  const lead = useRecordContext<Lead>();
  const translate = useTranslate();
  if (!lead) return null;
  if (lead.mergedInto)
    return (
      <Alert severity="info" sx={{ mb: 2 }} data-testid="lead-merged-into" data-kind={lead.mergedInto.kind} data-id={lead.mergedInto.id}>
        {translate(`lead.merged_into.${lead.mergedInto.kind}`, { _: translate('lead.merged_into.lead') })}{' '}
        <Link to={recordPath(lead.mergedInto.kind, lead.mergedInto.id)}>{lead.mergedInto.name ?? lead.mergedInto.id}</Link>
      </Alert>
    );
  if (lead.clientId)
    return (
      <Alert severity="success" sx={{ mb: 2 }} data-testid="lead-client">
        {translate('lead.became_client')} <Link to={recordPath('client', lead.clientId)}>{lead.clientName ?? lead.clientId}</Link>
      </Alert>
    );
  return null;
};

/** Outside the user's scope a lead does not exist (the API answers 404): say so instead of going back to the list. */
const LeadUnavailable = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" data-testid="lead-not-found" sx={{ mt: 2 }}>
      {translate('lead.not_found')}
    </Alert>
  );
};

/** One lead (GET /api/leads/:id): its fields, attribution and duplicate findings with their actions. */
export const LeadShow = () => (
  <Show
    error={<LeadUnavailable />}
    queryOptions={{ onError: () => undefined }}
    sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}
  >
    <Outcome />
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="lead.sections.lead" testId="lead-fields">
          <LeadFields />
        </Section>
        <Section title="lead.sections.duplicates">
          <DuplicateFindings />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="lead.sections.attribution" testId="lead-attribution">
          <Attribution />
        </Section>
      </Grid>
    </Grid>
  </Show>
);

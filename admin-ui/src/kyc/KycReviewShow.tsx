import { Grid, Typography } from '@mui/material';
import { FunctionField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DocumentUpload } from './DocumentUpload';
import { CaseTasks } from '../tasks/CaseTasks';
import { useFormat } from '../i18n/format';
import { LocalDateField } from '../i18n/LocalDateField';
import { humanize } from '../i18n/humanize';
import { RiskBandChip } from './RiskBandChip';
import { CaseTimeline } from '../cases/CaseTimeline';
import { kycTimelineDetail } from './timeline';
import { Checks, Documents, Hits, RiskBreakdown } from './sections';
import { Section } from '../layout/Section';
import type { KycReview } from './types';

const NextReview = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  const at = review?.nextReview?.startsAt ?? review?.client.nextReviewAt;
  return <Typography data-testid="next-review">{at ? format.date(at) : translate('kyc_review.none')}</Typography>;
};

export const KycReviewShow = () => {
  const translate = useTranslate();
  return (
    <Show
      actions={
        <TopToolbar>
          <DocumentUpload />
        </TopToolbar>
      }
      sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="kyc_review.sections.summary">
            <SimpleShowLayout sx={{ p: 0 }}>
              <TextField source="reference" label="resources.kyc-reviews.fields.reference" />
              <TextField source="client.name" label="resources.kyc-reviews.fields.client.name" />
              <FunctionField
                source="kind"
                label="resources.kyc-reviews.fields.kind"
                render={(r: KycReview) => (r.kind ? translate(`kyc_review.kind.${r.kind}`) : '-')}
              />
              <FunctionField
                source="state"
                label="resources.kyc-reviews.fields.state"
                render={(r: KycReview) => translate(`kyc_review.state.${r.state}`)}
              />
              <FunctionField
                source="riskBand"
                label="resources.kyc-reviews.fields.riskBand"
                render={(r: KycReview) => <RiskBandChip band={r.riskBand} />}
              />
              <FunctionField
                source="client.kycStatus"
                label="resources.kyc-reviews.fields.client.kycStatus"
                render={(r: KycReview) => translate(`client.kyc_status.${r.client.kycStatus}`, { _: humanize(r.client.kycStatus) })}
              />
              <LocalDateField source="dueAt" label="resources.kyc-reviews.fields.dueAt" />
              <LocalDateField source="openedAt" label="resources.kyc-reviews.fields.openedAt" />
            </SimpleShowLayout>
          </Section>
          <Section title="kyc_review.sections.tasks">
            <CaseTasks />
          </Section>
          <Section title="kyc_review.sections.risk" testId="kyc-risk">
            <RiskBreakdown />
          </Section>
          <Section title="kyc_review.sections.checks">
            <Checks />
          </Section>
          <Section title="kyc_review.sections.hits">
            <Hits />
          </Section>
          <Section title="kyc_review.sections.documents">
            <Documents />
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="kyc_review.sections.next_review">
            <NextReview />
          </Section>
          <Section title="kyc_review.sections.timeline">
            <CaseTimeline resource="kyc-reviews" namespace="kyc_review" testId="kyc-timeline" detail={kycTimelineDetail} />
          </Section>
        </Grid>
      </Grid>
    </Show>
  );
};

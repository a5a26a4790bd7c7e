import { Alert, Box } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { Fact, Facts } from '../cases/Facts';
import { humanize } from '../i18n/humanize';
import type { Task } from '../types';
import { RiskBandChip } from './RiskBandChip';
import { useCheckDetail } from './sections';
import type { KycReview } from './types';

interface KycAttributes {
  kind?: string;
  riskBand?: string;
  note?: string | null;
}

/** On a KYC review's task page: the kind of review and the client's risk band; what blocks approval (a failed
 * blocking check with its reason, a confirmed match) and the screening hits still to decide. */
export const KycTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const detailOf = useCheckDetail();
  const a = task.case.attributes as KycAttributes;
  const { data: review } = useGetOne<KycReview>('kyc-reviews', { id: task.caseId });
  const blocking = (review?.checks ?? []).filter((c) => c.blocking && c.status === 'fail');
  const confirmed = (review?.hits ?? []).some((h) => h.decision === 'true_match');
  const undecided = (review?.hits ?? []).filter((h) => h.decision === null).length;
  return (
    <>
      <Facts testId="task-case-summary">
        <Fact label="resources.kyc-reviews.fields.kind" testId="task-case-kind">
          {a.kind ? translate(`kyc_review.kind.${a.kind}`, { _: a.kind }) : undefined}
        </Fact>
        <Fact label="resources.kyc-reviews.fields.riskBand" testId="task-case-band">
          <RiskBandChip band={a.riskBand ?? review?.riskBand} />
        </Fact>
        <Fact label="resources.kyc-reviews.fields.note">{a.note}</Fact>
        <Fact label="kyc_review.sections.hits">
          {undecided ? translate('kyc_review.check_detail.hits', { smart_count: undecided }) : undefined}
        </Fact>
      </Facts>
      {(blocking.length > 0 || confirmed) && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="approval-blocked">
          {translate('kyc_review.approval_blocked')}
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {blocking.map((c) => (
              <li key={c.check}>
                {translate(`kyc_review.check.${c.check}`, { _: humanize(c.check) })}
                {detailOf(c) ? `: ${detailOf(c)!.text}` : ''}
              </li>
            ))}
            {confirmed && <li>{translate('kyc_review.blocked.true_match')}</li>}
          </Box>
        </Alert>
      )}
    </>
  );
};

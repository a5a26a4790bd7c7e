import { useTranslate } from 'react-admin';
import { Fact, Facts } from '../cases/Facts';
import type { Task } from '../types';
import { RiskBandChip } from './RiskBandChip';

interface KycAttributes {
  kind?: string;
  riskBand?: string;
  note?: string | null;
}

/** On a KYC review's task page: the kind of review and the client's risk band. */
export const KycTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const a = task.case.attributes as KycAttributes;
  return (
    <Facts testId="task-case-summary">
      <Fact label="resources.kyc-reviews.fields.kind" testId="task-case-kind">
        {a.kind ? translate(`kyc_review.kind.${a.kind}`, { _: a.kind }) : undefined}
      </Fact>
      <Fact label="resources.kyc-reviews.fields.riskBand" testId="task-case-band">
        <RiskBandChip band={a.riskBand} />
      </Fact>
      <Fact label="resources.kyc-reviews.fields.note">{a.note}</Fact>
    </Facts>
  );
};

import { Box } from '@mui/material';
import { CheckboxGroupInput, useGetOne, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import type { Task } from '../types';
import type { KycReview } from './types';

/** The screening review's `hitIds`: which undecided hits the outcome decides (none ticked: all of them). */
export const HitPicker = ({ task, source, label }: { task: Task; source: string; label: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { data: review } = useGetOne<KycReview>('kyc-reviews', { id: task.caseId });
  const undecided = (review?.hits ?? []).filter((h) => h.decision === null);
  if (undecided.length === 0) return null;
  return (
    <Box data-testid={`outcome-${source}`}>
      <CheckboxGroupInput
        source={source}
        label={label}
        row={false}
        translateChoice={false}
        helperText={translate('kyc_review.hit_picker_hint')}
        choices={undecided.map((h) => ({
          id: h.id,
          name: `${h.subject} ↔ ${h.entryName} · ${h.list} · ${format.number(h.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
        }))}
      />
    </Box>
  );
};

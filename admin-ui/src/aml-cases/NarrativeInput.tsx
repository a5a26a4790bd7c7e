import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { TextInput, required, useTranslate } from 'react-admin';
import { http } from '../providers/dataProvider';
import type { Task } from '../types';
import type { Sar } from './types';

/** The report's narrative on the sar_draft task: starts from the narrative on file (generated from the evidence, or
 * as submitted before a rejection), which the investigator edits. */
export const NarrativeInput = ({ task, source, label }: { task: Task; source: string; label: string }) => {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  const { data: sar } = useQuery({
    queryKey: ['aml-cases', task.caseId, 'sar', 'draft'],
    queryFn: async () => (await http(`/aml-cases/${encodeURIComponent(task.caseId)}/sar`)).json as Sar,
  });
  useEffect(() => {
    if (sar?.narrative && !getValues(source)) setValue(source, sar.narrative, { shouldDirty: true });
  }, [sar, source, getValues, setValue]);
  return (
    <TextInput
      source={source}
      label={label}
      validate={required()}
      multiline
      minRows={8}
      fullWidth
      helperText={translate('aml_case.sar.narrative_hint')}
      slotProps={{ htmlInput: { 'data-testid': `outcome-${source}` } }}
    />
  );
};

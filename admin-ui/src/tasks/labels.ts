import { useTranslate } from 'react-admin';
import { taskLabelKey } from '../caseTypeModule';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { humanize } from '../i18n/humanize';

/** Labels of tasks' steps, outcomes and form fields, and of case types, from the case type's messages;
 * a value no case type labels reads as itself, humanised. */
export const useTaskLabels = () => {
  const translate = useTranslate();
  const caseTypeOf = useCaseTypeOf();
  const label = (caseType: string, kind: 'step' | 'outcome' | 'field', name: string) =>
    translate(taskLabelKey(caseType, kind, name), { _: humanize(name) });
  return {
    step: (caseType: string, step: string) => label(caseType, 'step', step),
    outcome: (caseType: string, outcome: string) => label(caseType, 'outcome', outcome),
    field: (caseType: string, field: string) => label(caseType, 'field', field),
    /** A case type's name: its resource's, in the singular. */
    caseType: (key: string) => {
      const resource = caseTypeOf(key)?.resource.name;
      return resource ? translate(`resources.${resource}.name`, { smart_count: 1 }) : humanize(key);
    },
  };
};

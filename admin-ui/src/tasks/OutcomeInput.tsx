import { Suspense } from 'react';
import { NumberInput, SelectInput, TextInput, maxLength, maxValue, minValue, required, useTranslate, type Validator } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { humanize } from '../i18n/humanize';
import { MULTILINE_FROM, type FormField } from './completionForm';
import type { Task } from '../types';
import { useTaskLabels } from './labels';

const rulesOf = (field: FormField): Validator[] => {
  const rules: Validator[] = field.required ? [required()] : [];
  if (field.kind === 'text' && field.maxLength !== undefined) rules.push(maxLength(field.maxLength));
  if (field.kind === 'number' && field.min !== undefined) rules.push(minValue(field.min));
  if (field.kind === 'number' && field.max !== undefined) rules.push(maxValue(field.max));
  return rules;
};

/** One field of a completion form, as its JSON Schema describes it. */
export const OutcomeInput = ({ task, field }: { task: Task; field: FormField }) => {
  const { caseType } = task;
  const translate = useTranslate();
  const labels = useTaskLabels();
  const caseTypeOf = useCaseTypeOf();
  const common = {
    source: field.name,
    label: labels.field(caseType, field.name),
    validate: rulesOf(field),
    fullWidth: true,
  };
  const testid = `outcome-${field.name}`;
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} min={field.min} max={field.max} slotProps={{ htmlInput: { 'data-testid': testid } }} />;
    case 'choice': {
      // The case type names the messages of the options of some fields; others show the value humanised.
      const prefix = caseTypeOf(caseType)?.choiceLabels?.[field.name];
      const label = (value: string) => (prefix ? translate(`${prefix}.${value}`, { _: humanize(value) }) : humanize(value));
      return (
        <SelectInput
          {...common}
          choices={field.options.map((id) => ({ id, name: label(id) }))}
          translateChoice={false}
          data-testid={testid}
        />
      );
    }
    case 'list': {
      const Input = caseTypeOf(caseType)?.formInputs?.[field.name];
      return Input ? (
        <Suspense fallback={null}>
          <Input task={task} source={field.name} label={common.label} />
        </Suspense>
      ) : null;
    }
    case 'text': {
      // a case type may bring its own input for a text field (the AML report's narrative, prefilled)
      const Own = caseTypeOf(caseType)?.formInputs?.[field.name];
      if (Own)
        return (
          <Suspense fallback={null}>
            <Own task={task} source={field.name} label={common.label} />
          </Suspense>
        );
      const multiline = (field.maxLength ?? Infinity) > MULTILINE_FROM;
      return (
        <TextInput
          {...common}
          multiline={multiline}
          minRows={multiline ? 2 : undefined}
          slotProps={{ htmlInput: { 'data-testid': testid } }}
        />
      );
    }
  }
};

import CheckIcon from '@mui/icons-material/Check';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  Form,
  FormDataConsumer,
  HttpError,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { choices, rootCauses } from '../complaints/enums';
import type { CrmDataProvider } from '../providers/dataProvider';
import type { Task } from '../types';
import { stepOutcomes, type OutcomeField } from './enums';

const OutcomeInput = ({ field }: { field: OutcomeField }) => {
  const common = {
    source: field.name,
    label: `inbox.field.${field.name}`,
    validate: field.required ? required() : undefined,
    fullWidth: true,
  };
  const testid = { htmlInput: { 'data-testid': `outcome-${field.name}` } };
  switch (field.kind) {
    case 'number':
      return <NumberInput {...common} min={0} slotProps={testid} />;
    case 'rootCause':
      return (
        <SelectInput {...common} choices={choices('complaint.root_cause', rootCauses)} data-testid={`outcome-${field.name}`} />
      );
    default:
      return <TextInput {...common} multiline minRows={2} slotProps={testid} />;
  }
};

const Notice = ({ children }: { children: string }) => <Alert severity="info">{children}</Alert>;

/** The step's completion form; only the current assignee of a claimed task can submit it. */
export const CompleteTaskForm = () => {
  const task = useRecordContext<Task>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const outcomes = task ? stepOutcomes[task.step] : undefined;
  if (!task || !outcomes) return null;

  if (task.status === 'open') return <Notice>{translate('inbox.form.claim_first')}</Notice>;
  if (task.status !== 'claimed') {
    return <Notice>{translate('inbox.form.closed', { status: translate(`inbox.status.${task.status}`) })}</Notice>;
  }
  if (task.assigneeId !== identity?.id) {
    return <Notice>{translate('inbox.form.not_yours', { name: task.assignee?.name ?? '' })}</Notice>;
  }

  const names = Object.keys(outcomes);
  const submit = async (values: Record<string, unknown>) => {
    const outcome = values.outcome as string;
    const body: Record<string, unknown> = { outcome };
    for (const { name } of outcomes[outcome] ?? []) {
      if (values[name] !== undefined && values[name] !== null && values[name] !== '') body[name] = values[name];
    }
    try {
      await dataProvider.completeTask(task.id, body);
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors;
      notify((error as Error).message, { type: 'error' });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      return;
    }
    notify('inbox.completed', { type: 'success' });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: ['complaints'] }),
    ]);
    redirect('list', 'tasks');
  };

  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('inbox.form.title')}
        </Typography>
        <Form record={{}} defaultValues={{ outcome: names.length === 1 ? names[0] : undefined }} onSubmit={submit}>
          <RadioButtonGroupInput
            source="outcome"
            label="inbox.form.outcome"
            choices={choices('inbox.outcome', names)}
            validate={required()}
            data-testid="outcome-choice"
          />
          <FormDataConsumer>
            {({ formData }) =>
              (outcomes[formData.outcome] ?? []).map((field) => (
                // Remounted per outcome: "note" is optional when approving but required when rejecting.
                <OutcomeInput key={`${formData.outcome}.${field.name}`} field={field} />
              ))
            }
          </FormDataConsumer>
          <SaveButton label="inbox.form.submit" icon={<CheckIcon />} alwaysEnable data-testid="task-complete" />
        </Form>
      </CardContent>
    </Card>
  );
};

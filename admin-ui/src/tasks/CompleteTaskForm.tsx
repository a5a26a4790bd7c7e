import CheckIcon from '@mui/icons-material/Check';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  Form,
  FormDataConsumer,
  HttpError,
  RadioButtonGroupInput,
  SaveButton,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { CrmDataProvider } from '../providers/dataProvider';
import type { Task } from '../types';
import { branchesOf } from './completionForm';
import { useRefreshTaskViews } from './enums';
import { useTaskLabels } from './labels';
import { OutcomeInput } from './OutcomeInput';

const Notice = ({ children }: { children: string }) => <Alert severity="info">{children}</Alert>;

const filled = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The step's completion form, rendered from the JSON Schema the API sends with the task; only the current
 * assignee of a claimed task can submit it. */
export const CompleteTaskForm = () => {
  const task = useRecordContext<Task>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshTaskViews = useRefreshTaskViews();
  const labels = useTaskLabels();
  // the outcomes the step offers now (the API's form has only those; `outcomes` says it too)
  const branches = useMemo(
    () => (task?.form ? branchesOf(task.form).filter((b) => !task.outcomes?.length || task.outcomes.includes(b.outcome)) : []),
    [task?.form, task?.outcomes],
  );
  // A record taken from the inbox's list has no form until the task itself has been fetched.
  if (!task || branches.length === 0) return null;

  if (task.status === 'open') {
    return <Notice>{translate(task.can?.claim ? 'inbox.form.claim_first' : 'inbox.form.not_eligible')}</Notice>;
  }
  if (task.status !== 'claimed') {
    return <Notice>{translate('inbox.form.closed', { status: translate(`inbox.status.${task.status}`) })}</Notice>;
  }
  if (task.assigneeId !== identity?.id) {
    return <Notice>{translate('inbox.form.not_yours', { name: task.assignee?.name ?? '' })}</Notice>;
  }
  if (task.can && !task.can.complete) return <Notice>{translate('inbox.form.not_eligible')}</Notice>;

  const fieldsOf = (outcome: unknown) => branches.find((b) => b.outcome === outcome)?.fields ?? [];
  const submit = async (values: Record<string, unknown>) => {
    const outcome = values.outcome as string;
    const body: Record<string, unknown> = { outcome };
    for (const { name } of fieldsOf(outcome)) if (filled(values[name])) body[name] = values[name];
    try {
      await dataProvider.completeTask(task.id, body);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      // Field errors go onto the form's inputs; anything else (a 409) means our copy of the task is stale.
      if (error instanceof HttpError && error.body?.errors) return error.body.errors;
      await refreshTaskViews();
      return;
    }
    notify('inbox.completed', { type: 'success' });
    await refreshTaskViews();
    redirect('list', 'tasks');
  };

  const outcomes = branches.map(({ outcome }) => ({ id: outcome, name: labels.outcome(task.caseType, outcome) }));
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('inbox.form.title')}
        </Typography>
        <Form record={{}} defaultValues={{ outcome: outcomes.length === 1 ? outcomes[0].id : undefined }} onSubmit={submit}>
          <RadioButtonGroupInput
            source="outcome"
            label="inbox.form.outcome"
            choices={outcomes}
            translateChoice={false}
            validate={required()}
            data-testid="outcome-choice"
          />
          <FormDataConsumer>
            {({ formData }) =>
              fieldsOf(formData.outcome).map((field) => (
                // Remounted per outcome: "note" is optional when approving but required when rejecting.
                <OutcomeInput key={`${formData.outcome}.${field.name}`} task={task} field={field} />
              ))
            }
          </FormDataConsumer>
          <SaveButton label="inbox.form.submit" icon={<CheckIcon />} alwaysEnable data-testid="task-complete" />
        </Form>
      </CardContent>
    </Card>
  );
};

import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useTaskLabels } from '../tasks/labels';
import type { Client360 } from './types';

/** Who works on it: "you", the queue, or the person's id (the 360 names no assignees). */
const useAssignee = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (id: string | null) => (!id ? translate('app.unassigned') : id === identity?.id ? translate('client.cases.you') : id);
};

/** The client's open cases of every case type the user takes part in, each linking to its case page (the case
 * type's `link`), and the open tasks on them with their SLA due time. */
export const ClientCases = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  const caseTypeOf = useCaseTypeOf();
  const labels = useTaskLabels();
  const assignee = useAssignee();
  if (!client?.openCases) return null;
  const tasks = client.openTasks ?? [];
  const referenceOf = new Map(client.openCases.map((c) => [c.id, c.reference]));
  const caseLink = (caseType: string, caseId: string, text: string) => {
    const link = caseTypeOf(caseType)?.link(caseId);
    return link ? (
      <Link to={link} data-testid="client-case-link" data-case-id={caseId}>
        {text}
      </Link>
    ) : (
      <span data-case-id={caseId}>{text}</span>
    );
  };
  return (
    <div data-testid="client-cases">
      <Typography variant="h6">{translate('client.cases.title')}</Typography>
      {client.openCases.length === 0 ? (
        <Typography color="text.secondary">{translate('client.cases.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('client.cases.reference')}</TableCell>
              <TableCell>{translate('client.cases.type')}</TableCell>
              <TableCell>{translate('client.cases.state')}</TableCell>
              <TableCell>{translate('client.cases.summary')}</TableCell>
              <TableCell>{translate('client.cases.assignee')}</TableCell>
              <TableCell>{translate('client.cases.due')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {client.openCases.map((c) => (
              <TableRow key={c.id} data-testid="client-case" data-reference={c.reference}>
                <TableCell>{caseLink(c.caseType, c.id, c.reference)}</TableCell>
                <TableCell>{labels.caseType(c.caseType)}</TableCell>
                <TableCell>{translate(`${c.caseType}.state.${c.state}`, { _: humanize(c.state) })}</TableCell>
                <TableCell>{c.summary ?? '-'}</TableCell>
                <TableCell>{assignee(c.assigneeId)}</TableCell>
                <TableCell>{c.dueAt ? format.dateTime(c.dueAt) : '-'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="h6" sx={{ mt: 3 }}>
        {translate('client.tasks.title')}
      </Typography>
      {tasks.length === 0 ? (
        <Typography color="text.secondary">{translate('client.tasks.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('client.tasks.step')}</TableCell>
              <TableCell>{translate('client.cases.reference')}</TableCell>
              <TableCell>{translate('client.cases.type')}</TableCell>
              <TableCell>{translate('client.cases.assignee')}</TableCell>
              <TableCell>{translate('client.cases.due')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks.map((t) => (
              <TableRow key={t.id} data-testid="client-task">
                <TableCell>
                  <Link to={`/tasks/${encodeURIComponent(t.id)}/show`}>{labels.step(t.caseType, t.step)}</Link>
                </TableCell>
                <TableCell>{caseLink(t.caseType, t.caseId, referenceOf.get(t.caseId) ?? t.caseId)}</TableCell>
                <TableCell>{labels.caseType(t.caseType)}</TableCell>
                <TableCell>{assignee(t.assigneeId)}</TableCell>
                <TableCell>{format.dateTime(t.dueAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
};

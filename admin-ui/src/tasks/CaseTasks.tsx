import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { ScrollX } from '../layout/ScrollX';
import { TimeLeft } from '../sla/TimeLeft';
import type { Task } from '../types';
import { useTaskLabels } from './labels';
import { ClaimButton, CompleteLink } from './TaskButtons';

/** A case's open steps (any case type whose record has `tasks`), with the actions the current user can take on them. */
export const CaseTasks = () => {
  const record = useRecordContext<{ id: string; tasks?: Task[] }>();
  const translate = useTranslate();
  const labels = useTaskLabels();
  const current = (record?.tasks ?? []).filter((t) => t.status === 'open' || t.status === 'claimed');
  if (current.length === 0) {
    return <Typography color="text.secondary">{translate('inbox.no_open_tasks')}</Typography>;
  }
  return (
    <ScrollX>
      <Table size="small">
        <TableBody>
          {current.map((task) => (
            <RecordContextProvider key={task.id} value={task}>
              <TableRow data-testid={`case-task-${task.step}`}>
                <TableCell>{labels.step(task.caseType, task.step)}</TableCell>
                <TableCell>{translate(`inbox.status.${task.status}`)}</TableCell>
                <TableCell>{task.assignee?.name ?? translate('app.unassigned')}</TableCell>
                <TableCell>
                  <TimeLeft dueAt={task.dueAt} atRiskAt={task.atRiskAt} breachAt={task.breachAt} slaState={task.slaState} />
                </TableCell>
                <TableCell align="right">
                  <ClaimButton />
                  <CompleteLink />
                </TableCell>
              </TableRow>
            </RecordContextProvider>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

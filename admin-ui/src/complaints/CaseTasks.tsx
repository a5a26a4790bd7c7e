import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { TimeLeft } from '../sla/TimeLeft';
import { ClaimButton, CompleteLink } from '../tasks/TaskButtons';
import type { Complaint } from '../types';

/** The case's open steps, with the actions the current user can take on them. */
export const CaseTasks = () => {
  const complaint = useRecordContext<Complaint>();
  const translate = useTranslate();
  const current = (complaint?.tasks ?? []).filter((t) => t.status === 'open' || t.status === 'claimed');
  if (current.length === 0) {
    return <Typography color="text.secondary">{translate('complaint.no_tasks')}</Typography>;
  }
  return (
    <Table size="small">
      <TableBody>
        {current.map((task) => (
          <RecordContextProvider key={task.id} value={task}>
            <TableRow data-testid={`case-task-${task.step}`}>
              <TableCell>{translate(`inbox.step.${task.step}`)}</TableCell>
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
  );
};

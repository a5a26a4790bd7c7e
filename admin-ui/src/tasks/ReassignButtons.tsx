import ReassignIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Button as MuiButton } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { CrmDataProvider } from '../providers/dataProvider';
import { useReasonText } from '../providers/apiError';
import type { BulkResult, Task } from '../types';
import { caseReferenceOf } from './CaseLink';
import { useTaskLabels } from './labels';
import { ReassignDialog } from './ReassignDialog';
import { useTaskMutation } from './useTaskMutation';

interface Failure {
  task: Task | undefined;
  id: string;
  why: string;
}

/** Bulk action of the inbox (supervisors): one assignee for every selected task; says why each refused task was. */
export const BulkReassignButton = () => {
  const { selectedIds, data = [], onUnselectItems } = useListContext<Task>();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const reasonText = useReasonText();
  const labels = useTaskLabels();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [failures, setFailures] = useState<{ ok: number; total: number; items: Failure[] } | null>(null);
  // Offer the team's staff when every selected task belongs to one team; fixed when the dialog opens.
  const [teamId, setTeamId] = useState<string>();
  const start = () => {
    const teams = new Set(data.filter((t) => selectedIds.includes(t.id)).map((t) => t.teamId));
    setTeamId(teams.size === 1 ? [...teams][0] : undefined);
    setOpen(true);
  };

  const reassign = async (assigneeId: string) => {
    const tasks = new Map(data.map((t) => [t.id, t]));
    try {
      const { results } = await dataProvider.bulkReassign(selectedIds, assigneeId);
      const ok = results.filter((r) => r.ok).length;
      const failed: BulkResult['results'] = results.filter((r) => !r.ok);
      if (failed.length === 0) notify('inbox.bulk_reassigned', { type: 'success', messageArgs: { ok, total: results.length } });
      else {
        setFailures({
          ok,
          total: results.length,
          items: failed.map((r) => ({ id: r.id, task: tasks.get(r.id), why: reasonText(r.reason, r.error) })),
        });
      }
      onUnselectItems();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };

  return (
    <>
      <Button label="inbox.actions.reassign" data-testid="bulk-reassign" onClick={start}>
        <ReassignIcon />
      </Button>
      <ReassignDialog open={open} teamId={teamId} onClose={() => setOpen(false)} onConfirm={reassign} />
      <Dialog open={failures !== null} onClose={() => setFailures(null)} fullWidth maxWidth="sm" data-testid="bulk-reassign-result">
        <DialogTitle>{translate('inbox.bulk_reassigned', { ok: failures?.ok ?? 0, total: failures?.total ?? 0 })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('inbox.bulk_refused', { smart_count: failures?.items.length ?? 0 })}
          </Alert>
          <List dense>
            {failures?.items.map((f) => (
              <ListItem key={f.id} data-testid="bulk-reassign-failure">
                <ListItemText
                  primary={
                    f.task
                      ? `${caseReferenceOf(f.task)} · ${labels.step(f.task.caseType, f.task.step)} · ${f.task.client?.name ?? ''}`
                      : f.id
                  }
                  secondary={f.why}
                />
              </ListItem>
            ))}
          </List>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setFailures(null)}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Task page action (supervisors of the task's case type). */
export const ReassignButton = () => {
  const task = useRecordContext<Task>();
  const [open, setOpen] = useState(false);
  const reassign = useTaskMutation((dp, id: string, assigneeId: string) => dp.reassignTask(id, assigneeId), 'inbox.reassigned');
  if (!task?.can?.reassign) return null;
  return (
    <>
      <Button label="inbox.actions.reassign" data-testid="task-reassign" onClick={() => setOpen(true)}>
        <ReassignIcon />
      </Button>
      <ReassignDialog
        open={open}
        teamId={task.teamId}
        onClose={() => setOpen(false)}
        onConfirm={(assigneeId) => reassign.mutateAsync([task.id, assigneeId]).catch(() => undefined)}
      />
    </>
  );
};

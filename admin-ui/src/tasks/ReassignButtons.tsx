import ReassignIcon from '@mui/icons-material/SwapHoriz';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify, useRecordContext } from 'react-admin';
import type { CrmDataProvider } from '../providers/dataProvider';
import type { Task } from '../types';
import { ReassignDialog } from './ReassignDialog';
import { useTaskMutation } from './useTaskMutation';

/** Bulk action of the inbox (supervisors): one assignee for every selected task. */
export const BulkReassignButton = () => {
  const { selectedIds, data = [], onUnselectItems } = useListContext<Task>();
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Offer the team's staff when every selected task belongs to one team; fixed when the dialog opens.
  const [teamId, setTeamId] = useState<string>();
  const start = () => {
    const teams = new Set(data.filter((t) => selectedIds.includes(t.id)).map((t) => t.teamId));
    setTeamId(teams.size === 1 ? [...teams][0] : undefined);
    setOpen(true);
  };

  const reassign = async (assigneeId: string) => {
    try {
      const { results } = await dataProvider.bulkReassign(selectedIds, assigneeId);
      const ok = results.filter((r) => r.ok).length;
      notify('inbox.bulk_reassigned', {
        type: ok === results.length ? 'success' : 'warning',
        messageArgs: { ok, total: results.length },
      });
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
      <ReassignDialog
        open={open}
        teamId={teamId}
        onClose={() => setOpen(false)}
        onConfirm={reassign}
      />
    </>
  );
};

/** Task page action (supervisors). */
export const ReassignButton = () => {
  const task = useRecordContext<Task>();
  const [open, setOpen] = useState(false);
  const reassign = useTaskMutation(
    (dp, id: string, assigneeId: string) => dp.reassignTask(id, assigneeId),
    'inbox.reassigned',
  );
  if (!task || task.status === 'completed' || task.status === 'cancelled') return null;
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

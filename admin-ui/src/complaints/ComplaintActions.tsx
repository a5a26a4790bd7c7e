import CommentIcon from '@mui/icons-material/AddComment';
import ReopenIcon from '@mui/icons-material/Replay';
import RespondedIcon from '@mui/icons-material/MarkChatRead';
import { TopToolbar, useRecordContext } from 'react-admin';
import type { Complaint } from '../types';
import { complaintApi } from './api';
import { CaseActionButton } from './CaseActionButton';

const canReopen = (c: Complaint) => c.status === 'closed' && c.reopenUntil != null && Date.now() < Date.parse(c.reopenUntil);

export const ComplaintActions = () => {
  const complaint = useRecordContext<Complaint>();
  if (!complaint) return null;
  return (
    <TopToolbar>
      {complaint.status === 'awaiting_client' && (
        <CaseActionButton
          label="complaint.actions.client_responded"
          field="complaint.dialog.note"
          success="complaint.done.client_responded"
          icon={<RespondedIcon />}
          testid="complaint-client-responded"
          run={complaintApi.recordClientResponse}
        />
      )}
      {canReopen(complaint) && (
        <CaseActionButton
          label="complaint.actions.reopen"
          field="complaint.dialog.reason"
          success="complaint.done.reopened"
          icon={<ReopenIcon />}
          testid="complaint-reopen"
          run={complaintApi.reopen}
        />
      )}
      <CaseActionButton
        label="complaint.actions.add_comment"
        field="complaint.dialog.comment"
        success="complaint.done.commented"
        icon={<CommentIcon />}
        testid="complaint-add-comment"
        run={complaintApi.addComment}
      />
    </TopToolbar>
  );
};

import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext, useTranslate } from 'react-admin';

/** What a list with nothing in it says: why, and what to do (a message key), with an action where there is one. */
export const EmptyState = ({ message, action, testId = 'empty-state' }: { message: string; action?: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 4, textAlign: 'center' }} data-testid={testId}>
      <InboxIcon color="disabled" sx={{ fontSize: 48 }} />
      <Typography color="text.secondary" sx={{ mt: 1, mb: action ? 2 : 0 }}>
        {translate(message)}
      </Typography>
      {action}
    </Box>
  );
};

/** A list's empty state: with filters set, say so and offer to clear them; else `message` (what to do). */
export const ListEmpty = ({ message, action }: { message: string; action?: ReactNode }) => {
  const { filterValues, setFilters } = useListContext();
  const translate = useTranslate();
  if (Object.keys(filterValues ?? {}).length > 0) {
    return (
      <EmptyState
        message="app.empty_filtered"
        action={
          <Button onClick={() => setFilters({}, [])} data-testid="clear-filters">
            {translate('inbox.empty.clear')}
          </Button>
        }
      />
    );
  }
  return <EmptyState message={message} action={action} />;
};

import { Alert, Button } from '@mui/material';
import { useEffect } from 'react';
import { useRefresh, useTranslate } from 'react-admin';
import { reportConnection, useConnectionLost } from '../providers/connection';

const RETRY_MS = 5_000;

/** While the API cannot be reached: says so (what is on screen may be out of date), tries again every few seconds
 * and refetches the page once it answers. */
export const ConnectionBanner = () => {
  const lost = useConnectionLost();
  const translate = useTranslate();
  const refresh = useRefresh();
  useEffect(() => {
    if (!lost) return;
    const retry = () =>
      fetch('/api/health', { credentials: 'include' }).then(
        () => {
          reportConnection(true);
          refresh();
        },
        () => undefined,
      );
    const timer = setInterval(retry, RETRY_MS);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [lost, refresh]);
  if (!lost) return null;
  return (
    <Alert
      severity="warning"
      data-testid="connection-lost"
      sx={{ mb: 1 }}
      action={
        <Button color="inherit" size="small" onClick={refresh}>
          {translate('ra.action.refresh')}
        </Button>
      }
    >
      {translate('errors.connection_lost')}
    </Alert>
  );
};

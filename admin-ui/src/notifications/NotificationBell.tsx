import NotificationsIcon from '@mui/icons-material/Notifications';
import {
  Badge,
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useSocketEvent } from '../providers/socket';
import type { AppNotification } from '../types';
import { useNotificationActions } from './useNotificationActions';
import { notificationText, referenceOf } from './text';

const UNREAD = {
  filter: { unread: true },
  sort: { field: 'createdAt', order: 'DESC' as const },
  pagination: { page: 1, perPage: 10 },
};

/** App bar bell: unread count, the latest unread items, and a toast for each one pushed over the socket. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const { open, markAllRead } = useNotificationActions();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data = [], total = 0 } = useGetList<AppNotification>('notifications', UNREAD);

  useSocketEvent<AppNotification>('notification', (n) => {
    notify(notificationText(translate, n), { type: 'info' });
    // Show it at once; the refetch then brings the authoritative list and count.
    queryClient.setQueriesData<{ data: AppNotification[]; total?: number }>(
      { queryKey: ['notifications', 'getList'] },
      (list) => (list && !list.data.some((x) => x.id === n.id) ? { ...list, data: [n, ...list.data], total: (list.total ?? 0) + 1 } : list),
    );
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  });

  const close = () => setAnchor(null);

  return (
    <>
      <Tooltip title={translate('notification.bell')}>
        <IconButton color="inherit" onClick={(e) => setAnchor(e.currentTarget)} data-testid="notification-bell">
          <Badge badgeContent={<span data-testid="notification-count">{total}</span>} color="error" invisible={total === 0}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor != null} onClose={close} slotProps={{ paper: { sx: { width: 360 } } }}>
        {data.length === 0 && (
          <Typography sx={{ px: 2, py: 1 }} color="text.secondary">
            {translate('notification.empty')}
          </Typography>
        )}
        {data.map((n) => (
          <MenuItem
            key={n.id}
            data-testid="notification-item"
            onClick={() => {
              close();
              open(n);
            }}
          >
            <ListItemText
              primary={notificationText(translate, n)}
              secondary={[referenceOf(n), translate(`notification.type.${n.type}`, { _: n.type })].filter(Boolean).join(' · ')}
              slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }}
            />
          </MenuItem>
        ))}
        <Divider />
        <Stack direction="row" sx={{ justifyContent: 'space-between', px: 1 }}>
          <Button
            size="small"
            onClick={() => {
              close();
              redirect('list', 'notifications');
            }}
            data-testid="notification-see-all"
          >
            {translate('notification.actions.see_all')}
          </Button>
          <Button size="small" disabled={total === 0} onClick={() => void markAllRead()} data-testid="notification-mark-all">
            {translate('notification.actions.mark_all_read')}
          </Button>
        </Stack>
      </Menu>
    </>
  );
};

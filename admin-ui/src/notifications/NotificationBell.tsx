import NotificationsIcon from '@mui/icons-material/Notifications';
import SettingsIcon from '@mui/icons-material/Settings';
import UrgentIcon from '@mui/icons-material/Warning';
import {
  Badge,
  Box,
  Button,
  Chip,
  Divider,
  IconButton,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { useNow } from '../sla/useNow';
import { useSocketEvent } from '../providers/socket';
import type { AppNotification } from '../types';
import { groupByCase, isUrgent } from './groups';
import { PreferencesDialog, usePreferences } from './preferences';
import { useNotificationActions } from './useNotificationActions';
import { notificationText, referenceOf } from './text';

// The bell reads the latest unread notifications (bounded) and groups them by case.
const UNREAD = {
  filter: { unread: true },
  sort: { field: 'createdAt', order: 'DESC' as const },
  pagination: { page: 1, perPage: 100 },
};
// Notifications pushed within this window make one toast, not one each.
const TOAST_BATCH_MS = 1_500;

type ListData = { data: AppNotification[]; total?: number };
type ListParams = { filter?: { unread?: boolean }; pagination?: { page: number }; sort?: { field: string; order: string } };

/** A pushed notification goes into the unread lists on screen as it is: no refetch of the whole list per push. */
const isUnreadFirstPage = (key: QueryKey) => {
  const params = key[2] as ListParams | undefined;
  return (
    params?.filter?.unread === true && params.pagination?.page === 1 && params.sort?.field === 'createdAt' && params.sort.order === 'DESC'
  );
};

/** App bar bell: unread count; unread notifications grouped by case, escalations and missed deadlines first, each
 * with its time; a toast for what the user chose to see as one (preferences), a burst making one toast. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const format = useFormat();
  const now = useNow(30_000);
  const queryClient = useQueryClient();
  const { openGroup, markAllRead } = useNotificationActions();
  const { data: preferences } = usePreferences();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [preferencesOpen, setPreferencesOpen] = useState(false);
  const { data = [], total = 0 } = useGetList<AppNotification>('notifications', UNREAD);
  const pending = useRef<AppNotification[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const flushToasts = () => {
    timer.current = null;
    const batch = pending.current;
    pending.current = [];
    if (batch.length === 0) return;
    const urgent = batch.filter(isUrgent).length;
    if (batch.length === 1) notify(notificationText(translate, batch[0]), { type: urgent ? 'warning' : 'info' });
    else notify(translate('notification.burst', { smart_count: batch.length, urgent }), { type: urgent ? 'warning' : 'info' });
  };

  useSocketEvent<AppNotification>('notification', (n) => {
    queryClient.setQueriesData<ListData>(
      { queryKey: ['notifications', 'getList'], predicate: (q) => isUnreadFirstPage(q.queryKey) },
      (list) => (list && !list.data.some((x) => x.id === n.id) ? { ...list, data: [n, ...list.data], total: (list.total ?? 0) + 1 } : list),
    );
    // escalations always pop; the rest as the user chose
    if (isUrgent(n) || preferences?.toast[n.type]) {
      pending.current.push(n);
      timer.current ??= setTimeout(flushToasts, TOAST_BATCH_MS);
    }
  });

  const groups = groupByCase(data);
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
      <Menu anchorEl={anchor} open={anchor != null} onClose={close} slotProps={{ paper: { sx: { width: 400, maxWidth: '100vw' } } }}>
        {groups.length === 0 && (
          <Typography sx={{ px: 2, py: 1 }} color="text.secondary">
            {translate('notification.empty')}
          </Typography>
        )}
        {groups.map((g) => {
          const more = g.items.length - 1;
          return (
            <MenuItem
              key={g.key}
              data-testid={g.urgent ? 'notification-urgent' : 'notification-item'}
              sx={{ alignItems: 'flex-start', whiteSpace: 'normal', ...(g.urgent ? { borderLeft: 4, borderColor: 'error.main' } : {}) }}
              onClick={() => {
                close();
                void openGroup(g);
              }}
            >
              {g.urgent && (
                <ListItemIcon sx={{ mt: 0.5 }}>
                  <UrgentIcon color="error" fontSize="small" />
                </ListItemIcon>
              )}
              <ListItemText
                primary={notificationText(translate, g.latest)}
                secondary={
                  <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <span>
                      {[referenceOf(g.latest), translate(`notification.type.${g.latest.type}`, { _: g.latest.type })]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <span data-testid="notification-time" title={format.dateTime(g.items[0].createdAt)}>
                      {format.ago(g.items[0].createdAt, now)}
                    </span>
                    {more > 0 && (
                      <Chip
                        size="small"
                        label={translate('notification.more', { smart_count: more })}
                        data-testid="notification-group-more"
                      />
                    )}
                  </Box>
                }
                slotProps={{ primary: { sx: { fontWeight: g.urgent ? 600 : 400 } } }}
              />
            </MenuItem>
          );
        })}
        <Divider />
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', px: 1 }}>
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
          <span>
            <Button size="small" disabled={total === 0} onClick={() => void markAllRead()} data-testid="notification-mark-all">
              {translate('notification.actions.mark_all_read')}
            </Button>
            <Tooltip title={translate('notification.preferences.title')}>
              <IconButton size="small" onClick={() => setPreferencesOpen(true)} data-testid="notification-preferences-open">
                <SettingsIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </span>
        </Stack>
      </Menu>
      <PreferencesDialog open={preferencesOpen} onClose={() => setPreferencesOpen(false)} />
    </>
  );
};

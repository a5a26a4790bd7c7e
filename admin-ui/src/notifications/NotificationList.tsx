import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  SimpleList,
  NullableBooleanInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormat } from '../i18n/format';
import { LocalDateField } from '../i18n/LocalDateField';
import { useSmallScreen } from '../layout/useSmallScreen';
import type { AppNotification } from '../types';
import { useNotificationActions } from './useNotificationActions';
import { isUrgent } from './groups';
import { notificationText, referenceOf } from './text';

const filters = [<NullableBooleanInput key="unread" source="unread" alwaysOn />];

const MarkAllReadButton = () => {
  const { markAllRead } = useNotificationActions();
  return (
    <Button label="notification.actions.mark_all_read" onClick={() => void markAllRead()} data-testid="notification-mark-all">
      <DoneAllIcon />
    </Button>
  );
};

const MarkReadButton = () => {
  const n = useRecordContext<AppNotification>();
  const { markRead } = useNotificationActions();
  if (!n || n.readAt) return null;
  return (
    <Button
      label="notification.actions.mark_read"
      data-testid="notification-mark-read"
      onClick={(e) => {
        e.stopPropagation();
        void markRead(n);
      }}
    >
      <DoneIcon />
    </Button>
  );
};

const TypeField = (_: { source: string }) => {
  const n = useRecordContext<AppNotification>();
  const translate = useTranslate();
  return n ? <span>{translate(`notification.type.${n.type}`, { _: n.type })}</span> : null;
};

const MessageField = (_: { source: string }) => {
  const n = useRecordContext<AppNotification>();
  const translate = useTranslate();
  return n ? <span>{notificationText(translate, n)}</span> : null;
};

export const NotificationList = () => {
  const { open } = useNotificationActions();
  const small = useSmallScreen();
  const translate = useTranslate();
  const format = useFormat();
  return (
    <List
      exporter={false}
      perPage={25}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <MarkAllReadButton />
        </TopToolbar>
      }
    >
      {small ? (
        // Phones: one entry per notification (what happened; its type and time), unread ones in bold.
        <SimpleList<AppNotification>
          rowClick={(_, __, n) => {
            open(n as AppNotification);
            return false;
          }}
          primaryText={(n) => notificationText(translate, n)}
          secondaryText={(n) => [referenceOf(n), translate(`notification.type.${n.type}`, { _: n.type }), format.dateTime(n.createdAt)].filter(Boolean).join(' · ')}
          rowSx={(n) => ({
            '& .MuiListItemText-primary': { fontWeight: n.readAt ? 400 : 600 },
            ...(isUrgent(n) ? { borderLeft: 4, borderColor: 'error.main' } : {}),
          })}
        />
      ) : (
        <DataTable<AppNotification>
          bulkActionButtons={false}
          rowClick={(_, __, n) => {
            open(n);
            return false;
          }}
          rowSx={(n) => ({
            '& td': { fontWeight: n.readAt ? 400 : 600 },
            ...(isUrgent(n) ? { '& td:first-of-type': { borderLeft: 4, borderLeftColor: 'error.main', borderLeftStyle: 'solid' } } : {}),
          })}
        >
          <DataTable.Col source="createdAt">
            <LocalDateField source="createdAt" />
          </DataTable.Col>
          <DataTable.Col source="data.reference" disableSort render={(n) => referenceOf(n as AppNotification) ?? '-'} />
          <DataTable.Col source="type" disableSort field={TypeField} />
          <DataTable.Col source="title" disableSort field={MessageField} />
          <DataTable.Col label="" disableSort>
            <MarkReadButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  SimpleList,
  NullableBooleanInput,
  ExportButton,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormat } from '../i18n/format';
import { LocalDateField } from '../i18n/LocalDateField';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
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

const useExporter = () => {
  const translate = useTranslate();
  return useCsvExporter<AppNotification>('notifications', [
    { header: 'resources.notifications.fields.createdAt', value: (n) => n.createdAt },
    { header: 'resources.notifications.fields.data.reference', value: (n) => referenceOf(n) ?? '' },
    { header: 'resources.notifications.fields.type', value: (n) => translate(`notification.type.${n.type}`, { _: n.type }) },
    { header: 'resources.notifications.fields.title', value: (n) => notificationText(translate, n) },
    { header: 'resources.notifications.fields.unread', value: (n) => translate(`ra.boolean.${n.readAt === null}`) },
  ]);
};

const Empty = () => <ListEmpty message="notification.empty_list" />;

export const NotificationList = () => {
  const { open } = useNotificationActions();
  const small = useSmallScreen();
  const translate = useTranslate();
  const format = useFormat();
  const exporter = useExporter();
  return (
    <List
      exporter={exporter}
      perPage={25}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      empty={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <MarkAllReadButton />
          <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
        </TopToolbar>
      }
    >
      {small ? (
        // Phones: one entry per notification (what happened; its type and time), unread ones in bold.
        <SimpleList<AppNotification>
          empty={<Empty />}
          rowClick={(_, __, n) => {
            open(n as AppNotification);
            return false;
          }}
          primaryText={(n) => notificationText(translate, n)}
          secondaryText={(n) =>
            [referenceOf(n), translate(`notification.type.${n.type}`, { _: n.type }), format.dateTime(n.createdAt)]
              .filter(Boolean)
              .join(' · ')
          }
          rowSx={(n) => ({
            '& .MuiListItemText-primary': { fontWeight: n.readAt ? 400 : 600 },
            ...(isUrgent(n) ? { borderLeft: 4, borderColor: 'error.main' } : {}),
          })}
        />
      ) : (
        <DataTable<AppNotification>
          empty={<Empty />}
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

import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  FilterButton,
  DateInput,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import { choices } from '../i18n/choices';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ClientLinkField, toClientPage } from '../lists/ClientLinkField';
import { ListEmpty } from '../lists/EmptyState';
import { ServerExportButton } from '../lists/ServerExportButton';
import { ClientFilter } from '../lists/filters';
import { supervises, usePerms } from '../providers/permissions';

/** A row of GET /api/interactions (api/clients/lists.ts). */
export interface InteractionRow {
  id: string;
  clientId: string;
  client: { id: string; name: string };
  kind: string;
  direction: string | null;
  channel: string | null;
  subject: string | null;
  body: string | null;
  agent: { id: string; name: string } | null;
  durationSeconds: number | null;
  outcome: string | null;
  occurredAt: string;
}

const KINDS = ['call', 'email', 'chat', 'meeting', 'note', 'system'] as const;
const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

/** The agent: supervisors pick anyone (GET /api/users is theirs); others may narrow the list to their own. */
const useFilters = () => {
  const translate = useTranslate();
  const { permissions } = usePerms();
  const { identity } = useGetIdentity();
  const agent = supervises(permissions) ? (
    <ReferenceInput key="agentId" source="agentId" reference="users" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput
        optionText="name"
        filterToQuery={(q) => ({ q })}
        label={translate('resources.interactions.fields.agent')}
        sx={{ minWidth: 200 }}
        data-testid="filter-agent"
      />
    </ReferenceInput>
  ) : (
    <BooleanInput
      key="agentId"
      source="agentId"
      label="resources.interactions.fields.mine"
      format={(v: unknown) => !!v}
      parse={(v: boolean) => (v && identity ? String(identity.id) : undefined)}
      alwaysOn
      data-testid="filter-mine"
    />
  );
  return [
    <SelectInput key="kind" source="kind" choices={choices('client.interaction.kinds', KINDS)} alwaysOn data-testid="filter-kind" />,
    <SelectInput key="direction" source="direction" choices={choices('client.interaction.directions', DIRECTIONS)} />,
    <TextInput key="channel" source="channel" />,
    <ClientFilter key="clientId" source="clientId" label={translate('resources.interactions.fields.client')} alwaysOn />,
    agent,
    <DateInput key="from" source="from" />,
    <DateInput key="to" source="to" />,
  ];
};

const Empty = () => <ListEmpty message="interactionList.empty" />;

const duration = (s: number | null) => (s === null ? '-' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);

const InteractionTable = () => {
  const translate = useTranslate();
  const format = useFormat();
  const kind = (i: InteractionRow) => translate(`client.interaction.kinds.${i.kind}`, { _: humanize(i.kind) });
  return (
    <DataTable rowClick={toClientPage} empty={<Empty />} bulkActionButtons={false}>
      <DataTable.Col source="occurredAt" render={(i: InteractionRow) => format.dateTime(i.occurredAt)} />
      <DataTable.Col source="client" disableSort field={ClientLinkField} />
      <DataTable.Col source="kind" disableSort render={kind} />
      <DataTable.Col
        source="direction"
        disableSort
        render={(i: InteractionRow) =>
          i.direction ? translate(`client.interaction.directions.${i.direction}`, { _: humanize(i.direction) }) : '-'
        }
      />
      <DataTable.Col source="channel" disableSort render={(i: InteractionRow) => i.channel ?? '-'} />
      <DataTable.Col source="subject" disableSort render={(i: InteractionRow) => i.subject ?? i.body?.slice(0, 80) ?? '-'} />
      <DataTable.Col source="agent" disableSort render={(i: InteractionRow) => i.agent?.name ?? '-'} />
      <DataTable.Col source="durationSeconds" disableSort align="right" render={(i: InteractionRow) => duration(i.durationSeconds)} />
      <DataTable.Col source="outcome" disableSort render={(i: InteractionRow) => i.outcome ?? '-'} />
    </DataTable>
  );
};

// Phones: one entry per interaction (client; kind and subject; when).
const InteractionLines = () => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <SimpleList<InteractionRow>
      empty={<Empty />}
      rowClick={toClientPage}
      primaryText={(i) => i.client.name}
      secondaryText={(i) =>
        [translate(`client.interaction.kinds.${i.kind}`, { _: humanize(i.kind) }), i.subject].filter(Boolean).join(': ')
      }
      tertiaryText={(i) => format.dateTime(i.occurredAt)}
    />
  );
};

/** The server's CSV of everything the list selects (GET /api/interactions/export.csv), audited there. */
const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton path="/api/interactions/export.csv" testId="interactions-export" />
  </TopToolbar>
);

export const InteractionList = () => (
  <List
    exporter={false}
    actions={<Actions />}
    perPage={25}
    filters={useFilters()}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    empty={false}
  >
    {useSmallScreen() ? <InteractionLines /> : <InteractionTable />}
  </List>
);

import {
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { AssigneeFilter, ClientFilter } from '../lists/filters';
import { supervises, usePerms } from '../providers/permissions';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { RiskBandChip } from './RiskBandChip';
import { kycStates, reviewKinds, reviewStatuses, riskBands } from './enums';
import type { KycReview } from './types';

const useExporter = () => {
  const translate = useTranslate();
  return useCsvExporter<KycReview>('kyc-reviews', [
    { header: 'resources.kyc-reviews.fields.reference', value: (r) => r.reference },
    { header: 'resources.kyc-reviews.fields.client.name', value: (r) => r.client?.name },
    { header: 'resources.kyc-reviews.fields.kind', value: (r) => (r.kind ? translate(`kyc_review.kind.${r.kind}`) : '') },
    { header: 'resources.kyc-reviews.fields.status', value: (r) => translate(`kyc_review.status.${r.status}`) },
    { header: 'resources.kyc-reviews.fields.state', value: (r) => translate(`kyc_review.state.${r.state}`) },
    { header: 'resources.kyc-reviews.fields.riskBand', value: (r) => (r.riskBand ? translate(`kyc_review.band.${r.riskBand}`) : '') },
    { header: 'resources.kyc-reviews.fields.slaState', value: (r) => translate(`sla.state.${r.slaState}`) },
    { header: 'resources.kyc-reviews.fields.dueAt', value: (r) => r.dueAt },
    { header: 'resources.kyc-reviews.fields.openedAt', value: (r) => r.openedAt },
  ]);
};

const Empty = () => <ListEmpty message="kyc_review.empty" action={<CreateButton variant="contained" />} />;

export const KycReviewList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  const { permissions } = usePerms();
  const exporter = useExporter();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      label="resources.kyc-reviews.fields.status"
      alwaysOn
      choices={reviewStatuses.map((id) => ({ id, name: translate(`kyc_review.status.${id}`) }))}
    />,
    <SelectInput
      key="riskBand"
      source="riskBand"
      label="resources.kyc-reviews.fields.riskBand"
      choices={riskBands.map((id) => ({ id, name: translate(`kyc_review.band.${id}`) }))}
    />,
    <SelectInput
      key="state"
      source="state"
      label="resources.kyc-reviews.fields.state"
      choices={kycStates.map((id) => ({ id, name: translate(`kyc_review.state.${id}`) }))}
    />,
    <SelectInput
      key="kind"
      source="kind"
      label="resources.kyc-reviews.fields.kind"
      choices={reviewKinds.map((id) => ({ id, name: translate(`kyc_review.kind.${id}`) }))}
    />,
    <ClientFilter key="clientId" source="clientId" label="resources.kyc-reviews.fields.clientId" />,
    ...(supervises(permissions, 'kyc_review')
      ? [<AssigneeFilter key="assigneeId" source="assigneeId" label="resources.kyc-reviews.fields.assignee" />]
      : []),
  ];
  return (
    <List
      exporter={exporter}
      filters={filters}
      sort={{ field: 'openedAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton data-testid="kyc-create" />
          <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
        </TopToolbar>
      }
      // without reviews react-admin would replace the toolbar (and its create button) by a placeholder page
      empty={false}
    >
      {small ? (
        // Phones: one entry per review (client and step; kind; risk band).
        <SimpleList<KycReview>
          empty={<Empty />}
          rowClick="show"
          primaryText={(r) => `${r.reference} · ${r.client.name}`}
          secondaryText={(r) =>
            [translate(`kyc_review.state.${r.state}`), r.kind ? translate(`kyc_review.kind.${r.kind}`) : ''].filter(Boolean).join(' · ')
          }
          tertiaryText={(r) => <RiskBandChip band={r.riskBand} />}
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Empty />}>
          <TextField source="reference" label="resources.kyc-reviews.fields.reference" />
          <TextField source="client.name" label="resources.kyc-reviews.fields.client.name" sortable={false} />
          <FunctionField
            source="kind"
            label="resources.kyc-reviews.fields.kind"
            render={(r: KycReview) => (r.kind ? translate(`kyc_review.kind.${r.kind}`) : '-')}
          />
          <FunctionField
            source="state"
            label="resources.kyc-reviews.fields.state"
            render={(r: KycReview) => translate(`kyc_review.state.${r.state}`)}
          />
          <FunctionField
            source="riskBand"
            label="resources.kyc-reviews.fields.riskBand"
            sortable={false}
            render={(r: KycReview) => <RiskBandChip band={r.riskBand} />}
          />
          <FunctionField
            source="slaState"
            label="resources.kyc-reviews.fields.slaState"
            sortable={false}
            render={(r: KycReview) => <SlaChip state={r.slaState} closed={r.status === 'closed'} />}
          />
          <LocalDateField source="dueAt" label="resources.kyc-reviews.fields.dueAt" />
          <LocalDateField source="openedAt" label="resources.kyc-reviews.fields.openedAt" />
        </Datagrid>
      )}
    </List>
  );
};

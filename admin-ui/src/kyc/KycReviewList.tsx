import { CreateButton, Datagrid, FilterButton, FunctionField, List, SearchInput, SelectInput, SimpleList, TextField, TopToolbar, useTranslate } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { RiskBandChip } from './RiskBandChip';
import { reviewStatuses, riskBands } from './enums';
import type { KycReview } from './types';


export const KycReviewList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" label="resources.kyc-reviews.fields.status" alwaysOn choices={reviewStatuses.map((id) => ({ id, name: translate(`kyc_review.status.${id}`) }))} />,
    <SelectInput key="riskBand" source="riskBand" label="resources.kyc-reviews.fields.riskBand" choices={riskBands.map((id) => ({ id, name: translate(`kyc_review.band.${id}`) }))} />,
  ];
  return (
    <List
      filters={filters}
      sort={{ field: 'openedAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton data-testid="kyc-create" />
        </TopToolbar>
      }
      // without reviews react-admin would replace the toolbar (and its create button) by a placeholder page
      empty={false}
    >
      {small ? (
        // Phones: one entry per review (client and step; kind; risk band).
        <SimpleList<KycReview>
          rowClick="show"
          primaryText={(r) => `${r.reference} · ${r.client.name}`}
          secondaryText={(r) => [translate(`kyc_review.state.${r.state}`), r.kind ? translate(`kyc_review.kind.${r.kind}`) : ''].filter(Boolean).join(' · ')}
          tertiaryText={(r) => <RiskBandChip band={r.riskBand} />}
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="reference" label="resources.kyc-reviews.fields.reference" />
          <TextField source="client.name" label="resources.kyc-reviews.fields.client.name" sortable={false} />
          <FunctionField source="kind" label="resources.kyc-reviews.fields.kind" render={(r: KycReview) => (r.kind ? translate(`kyc_review.kind.${r.kind}`) : '-')} />
          <FunctionField source="state" label="resources.kyc-reviews.fields.state" render={(r: KycReview) => translate(`kyc_review.state.${r.state}`)} />
          <FunctionField source="riskBand" label="resources.kyc-reviews.fields.riskBand" sortable={false} render={(r: KycReview) => <RiskBandChip band={r.riskBand} />} />
          <FunctionField source="slaState" label="resources.kyc-reviews.fields.slaState" sortable={false} render={(r: KycReview) => <SlaChip state={r.slaState} closed={r.status === 'closed'} />} />
          <LocalDateField source="dueAt" label="resources.kyc-reviews.fields.dueAt" />
          <LocalDateField source="openedAt" label="resources.kyc-reviews.fields.openedAt" />
        </Datagrid>
      )}
    </List>
  );
};

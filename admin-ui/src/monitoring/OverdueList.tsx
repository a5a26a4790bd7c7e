import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, ExportButton, List, TopToolbar, useTranslate } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { humanize } from '../i18n/humanize';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { EmptyState } from '../lists/EmptyState';
import type { OverdueClient } from './types';

/** The API's list of clients past their KYC review date (GET /api/kyc-refresh/overdue). */
export const OVERDUE = 'kyc-refresh/overdue';

const useExporter = () => {
  const translate = useTranslate();
  return useCsvExporter<OverdueClient>('kyc-overdue', [
    { header: 'monitoring.overdue.column.name', value: (r) => r.name },
    { header: 'monitoring.overdue.column.riskBand', value: (r) => (r.riskBand ? translate(`monitoring.band.${r.riskBand}`) : '') },
    {
      header: 'monitoring.overdue.column.kycStatus',
      value: (r) => translate(`client.kyc_status.${r.kycStatus}`, { _: humanize(r.kycStatus) }),
    },
    { header: 'monitoring.overdue.column.nextReviewAt', value: (r) => r.nextReviewAt },
    { header: 'monitoring.overdue.column.daysOverdue', value: (r) => r.daysOverdue },
    { header: 'monitoring.overdue.column.openReview', value: (r) => r.openReview?.reference ?? '' },
  ]);
};

/** The KYC refresh dashboard: clients whose periodic review date has passed, oldest first, with the review open if
 * one runs (KYC officers see their branch's). */
export const OverdueList = () => {
  const translate = useTranslate();
  return (
    <List
      resource={OVERDUE}
      title="monitoring.overdue.title"
      exporter={useExporter()}
      perPage={25}
      sort={{ field: 'nextReviewAt', order: 'ASC' }}
      disableSyncWithLocation
      actions={
        <TopToolbar>
          <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable<OverdueClient>
        bulkActionButtons={false}
        rowClick={false}
        empty={<EmptyState message="monitoring.overdue.empty" />}
        data-testid="overdue-list"
      >
        <DataTable.Col
          source="name"
          label="monitoring.overdue.column.name"
          disableSort
          render={(r) => (
            <Link component={RouterLink} to={`/clients/${encodeURIComponent(r.clientId)}/show`}>
              {r.name}
            </Link>
          )}
        />
        <DataTable.Col
          source="riskBand"
          label="monitoring.overdue.column.riskBand"
          disableSort
          render={(r) => (r.riskBand ? translate(`monitoring.band.${r.riskBand}`) : '-')}
        />
        <DataTable.Col
          source="kycStatus"
          label="monitoring.overdue.column.kycStatus"
          disableSort
          render={(r) => translate(`client.kyc_status.${r.kycStatus}`, { _: humanize(r.kycStatus) })}
        />
        <DataTable.Col source="nextReviewAt" label="monitoring.overdue.column.nextReviewAt">
          <LocalDateField source="nextReviewAt" label="monitoring.overdue.column.nextReviewAt" showTime={false} />
        </DataTable.Col>
        <DataTable.Col source="daysOverdue" label="monitoring.overdue.column.daysOverdue" disableSort />
        <DataTable.Col
          source="openReview"
          label="monitoring.overdue.column.openReview"
          disableSort
          render={(r) =>
            r.openReview ? (
              <Link component={RouterLink} to={`/kyc-reviews/${encodeURIComponent(r.openReview.id)}/show`}>
                {r.openReview.reference}
              </Link>
            ) : (
              translate('monitoring.overdue.none_open')
            )
          }
        />
      </DataTable>
    </List>
  );
};

import { Suspense } from 'react';
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Labeled, Show, TabbedShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useCaseTypes } from '../caseTypeRegistry';
import { humanize } from '../i18n/humanize';
import { ClientAccounts } from './ClientAccounts';
import { ClientCases } from './ClientCases';
import { EditClientButton } from './ClientEditDialog';
import { ClientProfile, ClientRelatedPersons } from './ClientProfile';
import { ClientTimeline } from './ClientTimeline';
import { ClientTransactions } from './ClientTransactions';
import { CountryField, KycStatusField } from './fields';
import type { Client360 } from './types';

/** Outside the user's scope a client does not exist (the API answers 404): say so instead of going back to the list. */
const ClientUnavailable = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" data-testid="client-not-found" sx={{ mt: 2 }}>
      {translate('client.not_found')}
    </Alert>
  );
};

/** The national id as the API gives it: masked (`******56C`) for roles that may not see it. */
const NationalIdField = (_: { label?: string }) => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const masked = client?.masked?.includes('nationalId');
  return (
    <span data-testid="client-national-id" data-masked={masked ? 'true' : 'false'} title={masked ? translate('client.masked') : undefined}>
      {client?.nationalId ?? '-'}
    </span>
  );
};

/** The client's KYC documents; roles that do not see documents get a sentence instead (the API sends none). */
const ClientDocuments = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  if (!client || client.documents === undefined) return null;
  return (
    <div data-testid="client-documents">
      <Typography variant="h6" sx={{ mt: 2, mx: 2 }}>
        {translate('client.documents.title')}
      </Typography>
      {client.documents === null ? (
        <Typography sx={{ mx: 2 }} data-testid="client-documents-hidden">
          {translate('client.documents.hidden')}
        </Typography>
      ) : client.documents.length === 0 ? (
        <Typography sx={{ mx: 2 }}>{translate('client.documents.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('kyc_review.column.kind')}</TableCell>
              <TableCell>{translate('kyc_review.column.file')}</TableCell>
              <TableCell>{translate('client.documents.number')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {client.documents.map((d) => (
              <TableRow key={d.id} data-testid="client-document">
                <TableCell>{translate(`kyc_review.document.${d.kind}`, { _: humanize(d.kind) })}</TableCell>
                <TableCell>{d.fileName}</TableCell>
                <TableCell>{d.number ?? '-'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
};

/** The client 360 (GET /api/clients/:id) in tabs (Edit above them when the 360 says `mayEdit`): the overview (identity, profile, related persons, documents,
 * each case type's section), accounts and trading summary, transactions, open cases and tasks, the timeline. */
export const ClientShow = () => {
  const caseTypes = useCaseTypes();
  return (
    <Show
      error={<ClientUnavailable />}
      queryOptions={{ onError: () => undefined }}
      actions={
        <TopToolbar>
          <EditClientButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="client.tabs.overview" data-testid="client-tab-overview">
          <TextField source="name" />
          <TextField source="email" emptyText="-" />
          <TextField source="phone" emptyText="-" />
          <CountryField source="country" />
          <KycStatusField source="kycStatus" />
          <Labeled source="nationalId">
            <NationalIdField />
          </Labeled>
          <TextField source="branch.name" emptyText="-" data-testid="client-branch" />
          <TextField source="accountManager.name" emptyText="-" data-testid="client-account-manager" />
          <ClientProfile />
          <ClientRelatedPersons />
          <ClientDocuments />
          {/* Each case type's section (e.g. the client's complaints). */}
          <Suspense fallback={null}>
            {caseTypes.flatMap(({ key, clientSection: Section }) => (Section ? [<Section key={key} />] : []))}
          </Suspense>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="client.tabs.accounts" path="accounts" data-testid="client-tab-accounts">
          <ClientAccounts />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="client.tabs.transactions" path="transactions" data-testid="client-tab-transactions">
          <ClientTransactions />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="client.tabs.cases" path="cases" data-testid="client-tab-cases">
          <ClientCases />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="client.tabs.timeline" path="timeline" data-testid="client-tab-timeline">
          <ClientTimeline />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

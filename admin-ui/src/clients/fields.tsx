import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';

/** A client's KYC status: pending until a first review, then as the last review left it. */
export const clientKycStatuses = ['pending', 'in_review', 'approved', 'rejected', 'suspended'] as const;

interface Client {
  country?: string | null;
  kycStatus?: string | null;
}

/** The client's country by name, in the console's language ("GB" → "United Kingdom"). */
export const CountryField = (_: { source?: string; label?: string }) => {
  const client = useRecordContext<Client & { id: string }>();
  const format = useFormat();
  return <span>{client?.country ? format.country(client.country) : '-'}</span>;
};

/** The client's KYC status as a label ("in_review" → "In review"). */
export const KycStatusField = (_: { source?: string; label?: string }) => {
  const client = useRecordContext<Client & { id: string }>();
  const translate = useTranslate();
  const status = client?.kycStatus;
  return <span>{status ? translate(`client.kyc_status.${status}`, { _: humanize(status) }) : '-'}</span>;
};

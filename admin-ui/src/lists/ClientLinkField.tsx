import type { MouseEvent } from 'react';
import { Link, useRecordContext, type RaRecord } from 'react-admin';

/** The row's client by name, a link to the client's page (rows of the cross-client lists carry `client`). */
export const ClientLinkField = (_: { source?: string }) => {
  const record = useRecordContext<{ client?: { id: string; name: string } }>();
  if (!record?.client) return null;
  return (
    <Link
      to={`/clients/${encodeURIComponent(record.client.id)}/show`}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      data-testid="client-link"
      data-client-id={record.client.id}
    >
      {record.client.name}
    </Link>
  );
};

/** Where a row of a cross-client list leads: its client's page. */
export const toClientPage = (_id: unknown, _resource: string, record: RaRecord) =>
  record.clientId ? `/clients/${encodeURIComponent(String(record.clientId))}/show` : false;

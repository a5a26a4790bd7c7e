import type { ReactNode } from 'react';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import type { Client360 } from './types';

/** Tier, tags, KYC risk band and next review, the introducing broker. */
export const ClientProfile = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  if (!client?.kyc) return null;
  const row = (label: string, value: ReactNode, testId?: string) => (
    <Box sx={{ display: 'flex', gap: 2, my: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 180 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box sx={{ mx: 2, mt: 1 }} data-testid="client-profile">
      {row(translate('client.profile.tier'), client.tier ? translate(`client.tier.${client.tier}`, { _: humanize(client.tier) }) : '-')}
      {row(
        translate('client.profile.tags'),
        client.tags?.length ? (
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {client.tags.map((t) => (
              <Chip key={t} label={t} size="small" data-testid="client-tag" />
            ))}
          </Box>
        ) : (
          '-'
        ),
      )}
      {row(
        translate('client.profile.risk_band'),
        client.kyc.riskBand ? translate(`kyc_review.band.${client.kyc.riskBand}`, { _: humanize(client.kyc.riskBand) }) : '-',
      )}
      {row(translate('client.profile.next_review'), client.kyc.nextReviewAt ? format.date(client.kyc.nextReviewAt) : '-')}
      {row(translate('client.profile.introducing_broker'), client.introducingBroker?.name ?? '-')}
    </Box>
  );
};

/** Directors, shareholders, beneficial owners and other persons related to the client. */
export const ClientRelatedPersons = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  if (!client?.relatedPersons?.length) return null;
  return (
    <div data-testid="client-related-persons">
      <Typography variant="h6" sx={{ mt: 2, mx: 2 }}>
        {translate('client.related.title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('client.related.name')}</TableCell>
            <TableCell>{translate('client.related.role')}</TableCell>
            <TableCell>{translate('client.related.nationality')}</TableCell>
            <TableCell align="right">{translate('client.related.share')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {client.relatedPersons.map((p) => (
            <TableRow key={p.id} data-testid="client-related-person">
              <TableCell>{p.name}</TableCell>
              <TableCell>{translate(`client.related.roles.${p.role}`, { _: humanize(p.role) })}</TableCell>
              <TableCell>{p.nationality ? format.country(p.nationality) : '-'}</TableCell>
              <TableCell align="right">{p.sharePercent === null ? '-' : format.percent(p.sharePercent / 100)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};

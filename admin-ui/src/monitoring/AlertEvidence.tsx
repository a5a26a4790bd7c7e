import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { ScrollX } from '../layout/ScrollX';
import { useMonitoringLabels } from './labels';
import { SnoozeAlertButton } from './SnoozeDialog';
import type { Alert } from './types';

const Pairs = ({ testId, values }: { testId: string; values: Record<string, unknown> }) => {
  const l = useMonitoringLabels();
  const entries = Object.entries(values);
  if (!entries.length) return null;
  return (
    <Box data-testid={testId} sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.25 }}>
      {entries.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography variant="body2" color="text.secondary">
            {l.name(k)}
          </Typography>
          <Typography variant="body2" data-testid={`${testId}-${k}`}>
            {l.value(k, v)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/** One alert and why it fired: the red flag, the window, what was computed against which thresholds (the client's
 * risk band), and the transactions it looked at. */
export const AlertEvidence = ({ alert }: { alert: Alert }) => {
  const translate = useTranslate();
  const format = useFormat();
  const l = useMonitoringLabels();
  const e = alert.evidence ?? {};
  const txs = e.transactions ?? [];
  // the API's code and parameters in the user's language; alerts read elsewhere carry only the English text
  const redFlag = alert.redFlag ?? (e.redFlag ? { code: `monitoring.red_flag.${alert.scenario}`, params: {}, text: e.redFlag } : null);
  return (
    <Box data-testid="alert-evidence" data-alert-id={alert.id} data-scenario={alert.scenario} sx={{ py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {l.scenario(alert.scenario, alert.scenarioName)}
        </Typography>
        <Chip size="small" label={translate('monitoring.version_n', { version: alert.scenarioVersion })} data-testid="alert-version" />
        <Chip size="small" variant="outlined" label={l.label('alert_status', alert.status)} />
        <Chip size="small" variant="outlined" label={l.label('source', alert.source)} />
        <SnoozeAlertButton clientId={alert.clientId} clientName={alert.clientName} scenarioId={alert.scenario} />
      </Stack>
      {redFlag && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="alert-red-flag" data-code={redFlag.code}>
          {translate(redFlag.code, { ...redFlag.params, _: redFlag.text })}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('monitoring.evidence.window', { from: format.dateTime(alert.windowStart), to: format.dateTime(alert.windowEnd) })}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 1 }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="overline">{translate('monitoring.evidence.computed')}</Typography>
          <Pairs testId="alert-aggregates" values={e.aggregates ?? {}} />
        </Box>
        <Box sx={{ flex: 1 }}>
          <Typography variant="overline">
            {translate('monitoring.evidence.thresholds', { band: l.label('band', e.band ?? 'default') })}
          </Typography>
          <Pairs testId="alert-thresholds" values={e.thresholds ?? {}} />
        </Box>
      </Stack>
      {txs.length > 0 && (
        <>
          <Typography variant="overline">{translate('monitoring.evidence.transactions', { smart_count: txs.length })}</Typography>
          <ScrollX>
            <Table size="small" data-testid="alert-transactions">
              <TableHead>
                <TableRow>
                  {['bookedAt', 'type', 'method', 'amount', 'usdAmount', 'counterparty'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.tx.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {txs.map((t) => (
                  <TableRow key={t.id} selected={t.id === e.anchorTransactionId}>
                    <TableCell>{t.bookedAt ? format.dateTime(t.bookedAt) : '-'}</TableCell>
                    <TableCell>{t.type ? l.label('tx_type', t.type) : '-'}</TableCell>
                    <TableCell>{t.method ? l.label('method', t.method) : '-'}</TableCell>
                    <TableCell>
                      {t.amount ? `${format.number(Number(t.amount), { maximumFractionDigits: 4 })} ${t.currency ?? ''}` : '-'}
                    </TableCell>
                    <TableCell>{t.usdAmount ? format.number(Number(t.usdAmount), { maximumFractionDigits: 2 }) : '-'}</TableCell>
                    <TableCell>
                      {[t.counterpartyName, t.counterpartyCountry ? format.country(t.counterpartyCountry) : null]
                        .filter(Boolean)
                        .join(' · ') || '-'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        </>
      )}
    </Box>
  );
};

import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useMoney } from './money';
import type { Client360 } from './types';

/** The client's trading accounts (balance, equity, margin level as the platform last reported them) and the
 * trading summary by currency (completed trades' volume and P&L, the last trade). */
export const ClientAccounts = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  if (!client?.accounts) return null;
  const summary = client.tradingSummary?.byCurrency ?? [];
  return (
    <div data-testid="client-accounts">
      <Typography variant="h6">{translate('client.accounts.title')}</Typography>
      {client.accounts.length === 0 ? (
        <Typography color="text.secondary">{translate('client.accounts.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('client.accounts.platform')}</TableCell>
              <TableCell>{translate('client.accounts.login')}</TableCell>
              <TableCell>{translate('client.accounts.currency')}</TableCell>
              <TableCell align="right">{translate('client.accounts.leverage')}</TableCell>
              <TableCell align="right">{translate('client.accounts.balance')}</TableCell>
              <TableCell align="right">{translate('client.accounts.equity')}</TableCell>
              <TableCell align="right">{translate('client.accounts.margin_level')}</TableCell>
              <TableCell>{translate('client.accounts.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {client.accounts.map((a) => (
              <TableRow key={a.id} data-testid="client-account" data-login={a.login}>
                <TableCell>{a.platform.toUpperCase()}</TableCell>
                <TableCell>{a.login}</TableCell>
                <TableCell>{a.currency}</TableCell>
                <TableCell align="right">{a.leverage ? `1:${a.leverage}` : '-'}</TableCell>
                <TableCell align="right" data-testid="account-balance">
                  {money(a.balance, a.currency)}
                </TableCell>
                <TableCell align="right">{money(a.equity, a.currency)}</TableCell>
                <TableCell align="right">
                  {a.marginLevel === null
                    ? '-'
                    : format.number(Number(a.marginLevel) / 100, { style: 'percent', maximumFractionDigits: 1 })}
                </TableCell>
                <TableCell>{translate(`client.accounts.state.${a.status}`, { _: humanize(a.status) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="h6" sx={{ mt: 3 }}>
        {translate('client.trading.title')}
      </Typography>
      {summary.length === 0 ? (
        <Typography color="text.secondary">{translate('client.trading.none')}</Typography>
      ) : (
        <Table size="small" data-testid="client-trading-summary">
          <TableHead>
            <TableRow>
              <TableCell>{translate('client.accounts.currency')}</TableCell>
              <TableCell align="right">{translate('client.trading.trades')}</TableCell>
              <TableCell align="right">{translate('client.trading.volume')}</TableCell>
              <TableCell align="right">{translate('client.trading.pnl')}</TableCell>
              <TableCell align="right">{translate('client.trading.deposits')}</TableCell>
              <TableCell align="right">{translate('client.trading.withdrawals')}</TableCell>
              <TableCell>{translate('client.trading.last_trade')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.map((s) => (
              <TableRow key={s.currency}>
                <TableCell>{s.currency}</TableCell>
                <TableCell align="right">{format.number(s.trades)}</TableCell>
                <TableCell align="right">{money(s.volume, s.currency)}</TableCell>
                <TableCell align="right" sx={{ color: Number(s.pnl) < 0 ? 'error.main' : undefined }}>
                  {money(s.pnl, s.currency)}
                </TableCell>
                <TableCell align="right">{money(s.deposits, s.currency)}</TableCell>
                <TableCell align="right">{money(s.withdrawals, s.currency)}</TableCell>
                <TableCell>{s.lastTradeAt ? format.dateTime(s.lastTradeAt) : '-'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
};

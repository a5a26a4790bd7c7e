import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ScrollX } from '../layout/ScrollX';
import type { InvalidRow } from './types';

/** Rows on screen at most; the rest are in the rejects file. */
const SHOWN = 200;

const valuesText = (values: InvalidRow['values']) =>
  values
    ? Object.entries(values)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', ')
    : '';

/** A file's invalid rows: line, field, reason (as the API words it) and the row's values. */
export const InvalidRows = ({ rows, total, testId }: { rows: InvalidRow[]; total?: number; testId: string }) => {
  const translate = useTranslate();
  const more = (total ?? rows.length) - Math.min(rows.length, SHOWN);
  const withValues = rows.some((r) => r.values && Object.keys(r.values).length);
  return (
    <ScrollX>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {['line', 'field', 'reason', ...(withValues ? ['values'] : [])].map((c) => (
              <TableCell key={c}>{translate(`imports.column.${c}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, SHOWN).map((r, i) => (
            <TableRow key={`${r.line}-${r.field ?? ''}-${i}`} data-testid={`${testId}-row`} data-line={r.line} data-field={r.field ?? ''}>
              <TableCell>{r.line}</TableCell>
              <TableCell>{r.field ?? ''}</TableCell>
              <TableCell data-server-text>{r.reason}</TableCell>
              {withValues && <TableCell data-server-text>{valuesText(r.values)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('imports.new.more', { smart_count: more })}
        </Typography>
      )}
    </ScrollX>
  );
};

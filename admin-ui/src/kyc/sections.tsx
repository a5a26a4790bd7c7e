import { Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { ScrollX } from '../layout/ScrollX';
import { RiskBandChip } from './RiskBandChip';
import type { KycReview, RiskFactor } from './types';

export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Head = ({ keys }: { keys: string[] }) => {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {keys.map((k) => (
          <TableCell key={k}>{translate(`kyc_review.column.${k}`)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
};

const Empty = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('kyc_review.none')}</Typography>;
};

// Factors whose values are codes, and where their labels are: kyc_review.<messages>.<value>.
const VALUE_LABELS: Record<string, string> = { occupation: 'activity', product: 'product', channel: 'channel', screening: 'screening' };

/** A factor's value as staff read it: countries by name, yes/no, labels for codes, numbers in their locale. */
const useFactorValue = () => {
  const translate = useTranslate();
  const format = useFormat();
  return ({ factor, value }: RiskFactor): string => {
    if (value === null || value === undefined || value === '') return '-';
    if (typeof value === 'boolean') return translate(`ra.boolean.${value}`);
    if (factor === 'residence' || factor === 'nationality') return format.country(String(value));
    if (factor === 'leverage') return `1:${format.number(Number(value))}`;
    // expected yearly deposits ÷ declared yearly income
    if (factor === 'deposits_vs_income') return format.percent(Number(value));
    if (typeof value === 'number') return format.number(value);
    const prefix = VALUE_LABELS[factor];
    return prefix ? translate(`kyc_review.${prefix}.${value}`, { _: humanize(String(value)) }) : humanize(String(value));
  };
};

/** The scoring's note, with the codes in it (products in "riskiest of shares, fx_spot") as labels. */
const useFactorNote = () => {
  const translate = useTranslate();
  return ({ factor, note }: RiskFactor): string => {
    const prefix = VALUE_LABELS[factor];
    if (!prefix) return note;
    return note.replace(/\b[a-z]+(?:_[a-z]+)*\b/g, (word) => translate(`kyc_review.${prefix}.${word}`, { _: word }));
  };
};

/** Every factor's contribution, the floors that lifted the band, and an override with its reason. */
export const RiskBreakdown = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  const valueOf = useFactorValue();
  const noteOf = useFactorNote();
  const risk = review?.risk;
  if (!risk) return <Empty />;
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        {translate('kyc_review.risk.summary', { score: format.number(risk.score) })} <RiskBandChip band={risk.band} />
        {risk.override && ` (${translate('kyc_review.risk.computed')}: ${translate(`kyc_review.band.${risk.computedBand}`)})`}
      </Typography>
      <ScrollX>
        <Table size="small" data-testid="risk-factors">
          <Head keys={['factor', 'value', 'points', 'note']} />
          <TableBody>
            {risk.factors.map((f) => (
              <TableRow key={f.factor}>
                <TableCell>{translate(`kyc_review.factor.${f.factor}`, { _: humanize(f.factor) })}</TableCell>
                <TableCell>{valueOf(f)}</TableCell>
                <TableCell>{format.number(f.points)}</TableCell>
                {/* The scoring's own explanation, in English (server text). */}
                <TableCell data-server-text>{noteOf(f)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollX>
      {risk.floors.map((f) => (
        <Typography key={f.reason} variant="body2" sx={{ mt: 1 }} data-server-text>
          {translate('kyc_review.risk.floor', { band: translate(`kyc_review.band.${f.band}`), reason: f.reason })}
        </Typography>
      ))}
      {risk.override && (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="risk-override">
          {translate('kyc_review.risk.override', { band: translate(`kyc_review.band.${risk.override.band}`), name: risk.override.by.name, reason: risk.override.reason })}
        </Typography>
      )}
    </>
  );
};

export const Checks = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  if (!review?.checks?.length) return <Empty />;
  return (
    <ScrollX>
      <Table size="small" data-testid="kyc-checks">
        <Head keys={['check', 'result']} />
        <TableBody>
          {review.checks.map((c) => (
            <TableRow key={c.check}>
              <TableCell>{translate(`kyc_review.check.${c.check}`, { _: humanize(c.check) })}</TableCell>
              <TableCell>
                {translate(`kyc_review.check_status.${c.status}`)}
                {c.blocking && c.status === 'fail' ? ` · ${translate('kyc_review.blocking')}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

export const Hits = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  if (!review?.hits?.length) return <Empty />;
  return (
    <ScrollX>
      <Table size="small" data-testid="kyc-hits">
        <Head keys={['subject', 'entry', 'list', 'score', 'decision']} />
        <TableBody>
          {review.hits.map((h) => (
            <TableRow key={h.id}>
              <TableCell>{h.subject}</TableCell>
              <TableCell>{h.entryName}</TableCell>
              <TableCell>{h.list}</TableCell>
              <TableCell>{format.number(h.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</TableCell>
              <TableCell>{h.decision ? `${translate(`kyc_review.decision.${h.decision}`)}: ${h.reason ?? ''}` : translate('kyc_review.pending')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

/** Downloads go through the API, which checks the role and the file's checksum. */
export const Documents = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  if (!review?.documents?.length) return <Empty />;
  return (
    <ScrollX>
      <Table size="small" data-testid="kyc-documents">
        <Head keys={['kind', 'file', 'size', 'uploaded']} />
        <TableBody>
          {review.documents.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{translate(`kyc_review.document.${d.kind}`, { _: humanize(d.kind) })}</TableCell>
              <TableCell>
                <Link href={`/api/kyc-reviews/${review.id}/documents/${d.id}`} title={`SHA-256 ${d.sha256}`}>
                  {d.fileName}
                </Link>
              </TableCell>
              <TableCell>{format.number(Math.ceil(d.size / 1024), { style: 'unit', unit: 'kilobyte' })}</TableCell>
              <TableCell>{format.date(d.uploadedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

import { Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { ScrollX } from '../layout/ScrollX';
import { RiskBandChip } from './RiskBandChip';
import type { KycReview, RiskFactor } from './types';

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

type Check = NonNullable<KycReview['checks']>[number];

// The reasons the automated checks give (English, from the API), and their messages: kyc_review.check_detail.<key>.
const KNOWN_REASONS: Record<string, string> = {
  'no sanctions list has been imported': 'no_list',
  'no identity document': 'no_identity',
  'no expiry date recorded': 'no_expiry',
  'corporate client': 'corporate',
  'date of birth not recorded': 'no_birth_date',
  'no proof of address': 'no_proof_of_address',
  'no issue date recorded': 'no_issue_date',
  'no passport': 'no_passport',
  'MRZ not recorded': 'no_mrz',
};

/** The review was not screened: its sanctions check failed because no list is imported. */
export const notScreened = (review: KycReview | undefined) =>
  (review?.checks ?? []).some(
    (c) => c.check === 'sanctions' && c.status === 'fail' && (c.detail as { reason?: string } | null)?.reason !== undefined,
  );

/** Why a check came out as it did, in the reader's language where the console knows the reason; else the API's
 * words (marked as server text). */
export const useCheckDetail = () => {
  const translate = useTranslate();
  return (c: Check): { text: string; server: boolean } | undefined => {
    const d = (c.detail ?? {}) as { reason?: unknown; missing?: unknown; hits?: unknown; daysLeft?: unknown };
    if (typeof d.reason === 'string') {
      const key = KNOWN_REASONS[d.reason];
      return key ? { text: translate(`kyc_review.check_detail.${key}`), server: false } : { text: d.reason, server: true };
    }
    if (c.check === 'documents_required' && Array.isArray(d.missing) && d.missing.length) {
      const kinds = d.missing.map((k) => translate(`kyc_review.document.${String(k)}`, { _: humanize(String(k)) })).join(', ');
      return { text: translate('kyc_review.check_detail.missing', { kinds }), server: false };
    }
    if (c.check === 'sanctions' && typeof d.hits === 'number' && d.hits > 0) {
      return { text: translate('kyc_review.check_detail.hits', { smart_count: d.hits }), server: false };
    }
    return undefined;
  };
};

// Factors whose values are codes, and where their labels are: kyc_review.<messages>.<value>.
const VALUE_LABELS: Record<string, string> = { occupation: 'activity', product: 'product', channel: 'channel', screening: 'screening' };

/** A factor's value as staff read it: countries by name, yes/no, labels for codes, numbers in their locale. */
const useFactorValue = (screened: boolean) => {
  const translate = useTranslate();
  const format = useFormat();
  return ({ factor, value }: RiskFactor): string => {
    // "clear" because nothing was screened against: say so
    if (factor === 'screening' && !screened) return translate('kyc_review.screening.not_screened');
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
  const valueOf = useFactorValue(!notScreened(review));
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
          {translate('kyc_review.risk.override', {
            band: translate(`kyc_review.band.${risk.override.band}`),
            name: risk.override.by.name,
            reason: risk.override.reason,
          })}
        </Typography>
      )}
    </>
  );
};

export const Checks = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const detailOf = useCheckDetail();
  if (!review?.checks?.length) return <Empty />;
  return (
    <ScrollX>
      <Table size="small" data-testid="kyc-checks">
        <Head keys={['check', 'result', 'why']} />
        <TableBody>
          {review.checks.map((c) => {
            const detail = detailOf(c);
            return (
              <TableRow key={c.check} data-testid={`check-${c.check}`}>
                <TableCell>{translate(`kyc_review.check.${c.check}`, { _: humanize(c.check) })}</TableCell>
                <TableCell>
                  {translate(`kyc_review.check_status.${c.status}`)}
                  {c.blocking && c.status === 'fail' ? ` · ${translate('kyc_review.blocking')}` : ''}
                </TableCell>
                <TableCell data-testid="check-detail" {...(detail?.server ? { 'data-server-text': true } : {})}>
                  {detail?.text ?? ''}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollX>
  );
};

export const Hits = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  if (!review?.hits?.length) {
    return notScreened(review) ? (
      <Typography color="warning.main" data-testid="kyc-not-screened">
        {translate('kyc_review.check_detail.no_list')}
      </Typography>
    ) : (
      <Empty />
    );
  }
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
              <TableCell>
                {h.decision ? `${translate(`kyc_review.decision.${h.decision}`)}: ${h.reason ?? ''}` : translate('kyc_review.pending')}
              </TableCell>
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

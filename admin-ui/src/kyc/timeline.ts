import type { TimelineDetail } from '../cases/CaseTimeline';
import { humanize } from '../i18n/humanize';

const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : undefined);

/** What a KYC review's timeline adds to the shared one: why approval was not offered, the band an override set,
 * the matches confirmed, the kind of a document uploaded. */
export const kycTimelineDetail: TimelineDetail = (e, translate) => {
  const data = e.data ?? {};
  const check = (c: string) =>
    c === 'sanctions_true_match' ? translate('kyc_review.blocked.true_match') : translate(`kyc_review.check.${c}`, { _: humanize(c) });
  const band = (b: unknown) => (typeof b === 'string' ? translate(`kyc_review.band.${b}`, { _: humanize(b) }) : '-');
  switch (e.type) {
    case 'approval_blocked':
      return Array.isArray(data.reasons)
        ? [translate('kyc_review.blocked.because', { reasons: data.reasons.map(String).map(check).join(', ') })]
        : [];
    case 'risk_overridden':
      return [`${band(data.fromBand)} → ${band(data.band)}`];
    case 'sanctions_match_confirmed': {
      const n = count(data.trueMatches);
      return n === undefined ? [] : [translate('kyc_review.blocked.matches', { smart_count: n })];
    }
    case 'document_uploaded':
      return typeof data.kind === 'string' ? [translate(`kyc_review.document.${data.kind}`, { _: humanize(data.kind) })] : [];
    default:
      return [];
  }
};

// Explainable customer risk score: every factor says what it looked at and how many points it gave.
// Pure: the scoring activity feeds it the profile, the country-risk rows and the screening outcome.
import { RISK_BANDS, type RiskBand } from './states';

export const COUNTRY_CATEGORIES = ['standard', 'elevated', 'grey', 'black'] as const;
/** grey: FATF "jurisdictions under increased monitoring"; black: FATF "high-risk jurisdictions subject to a call for action". */
export type CountryCategory = (typeof COUNTRY_CATEGORIES)[number];

export interface CountryRiskEntry {
  code: string;
  category: CountryCategory;
  /** points this country adds; edited by operators in `country_risk` */
  score: number;
}

export interface RiskInput {
  clientType: 'individual' | 'corporate';
  residenceCode: string | null;
  residence: CountryRiskEntry | null;
  nationalityCode: string | null;
  nationality: CountryRiskEntry | null;
  pep: boolean;
  occupation: string | null;
  industry: string | null;
  products: string[];
  maxLeverage: number | null;
  channel: string | null;
  declaredIncome: number | null;
  expectedDeposits: number | null;
  screening: { pendingHits: number; trueMatches: number; falsePositives: number };
}

interface Step {
  above: number;
  points: number;
}

/** The configurable part: operators override any of it with the JSON setting `kyc.riskModel`. */
export interface RiskModel {
  /** points for a country missing from the table */
  unknownCountry: number;
  /** share of the nationality's country points (residence counts in full) */
  nationalityWeight: number;
  pep: number;
  occupation: Record<string, number>;
  industry: Record<string, number>;
  unknownOccupation: number;
  /** the riskiest product the client trades counts */
  product: Record<string, number>;
  leverage: Step[];
  channel: Record<string, number>;
  /** by expected yearly deposits ÷ declared yearly income */
  depositsToIncome: Step[];
  missingIncome: number;
  screening: { pendingHit: number; trueMatch: number };
  /** lowest score of each band above low */
  bands: { medium: number; high: number; critical: number };
}

export const DEFAULT_RISK_MODEL: RiskModel = {
  unknownCountry: 15,
  nationalityWeight: 0.5,
  pep: 30,
  occupation: {
    employee: 0,
    retired: 0,
    professional: 0,
    student: 5,
    unemployed: 10,
    self_employed: 10,
    politician: 20,
    cash_intensive_business: 20,
    crypto: 20,
    gambling: 25,
    precious_metals_dealer: 25,
    arms_trade: 30,
  },
  industry: {
    technology: 0,
    manufacturing: 0,
    retail: 5,
    financial_services: 5,
    construction: 10,
    real_estate: 15,
    precious_metals: 20,
    money_services: 25,
    gambling: 25,
    crypto: 25,
    arms: 30,
  },
  unknownOccupation: 5,
  product: { shares: 0, etf: 0, bonds: 0, fx_spot: 5, options: 5, cfd: 10, crypto_cfd: 15 },
  leverage: [
    { above: 30, points: 5 },
    { above: 100, points: 15 },
    { above: 200, points: 25 },
  ],
  channel: { in_person: 0, online: 5, introducer: 10, non_face_to_face: 10 },
  depositsToIncome: [
    { above: 0.25, points: 5 },
    { above: 0.5, points: 15 },
    { above: 1, points: 30 },
  ],
  missingIncome: 10,
  screening: { pendingHit: 15, trueMatch: 100 },
  bands: { medium: 20, high: 45, critical: 70 },
};

export type FactorName =
  'residence' | 'nationality' | 'pep' | 'occupation' | 'product' | 'leverage' | 'channel' | 'deposits_vs_income' | 'screening';

export interface RiskFactor {
  factor: FactorName;
  value: string | number | boolean | null;
  points: number;
  note: string;
}

export interface RiskAssessment {
  score: number;
  /** band from the score and the floors, before any override */
  computedBand: RiskBand;
  /** the band in force: computedBand, or the override */
  band: RiskBand;
  factors: RiskFactor[];
  /** rules that lift the band regardless of the score */
  floors: { band: RiskBand; reason: string }[];
  override: { band: RiskBand; fromBand: RiskBand; reason: string; actorId: string; at: number } | null;
}

const stepPoints = (steps: Step[], value: number) => steps.filter((s) => value > s.above).reduce((best, s) => Math.max(best, s.points), 0);

export const higherBand = (a: RiskBand, b: RiskBand): RiskBand => (RISK_BANDS.indexOf(a) >= RISK_BANDS.indexOf(b) ? a : b);

export function bandOf(score: number, model: RiskModel): RiskBand {
  if (score >= model.bands.critical) return 'critical';
  if (score >= model.bands.high) return 'high';
  if (score >= model.bands.medium) return 'medium';
  return 'low';
}

function countryFactor(
  factor: 'residence' | 'nationality',
  code: string | null,
  entry: CountryRiskEntry | null,
  m: RiskModel,
  weight: number,
): RiskFactor {
  if (!code) return { factor, value: null, points: m.unknownCountry, note: 'not declared' };
  if (!entry) return { factor, value: code, points: Math.round(m.unknownCountry * weight), note: 'not in the country-risk table' };
  const share = weight === 1 ? '' : ` × ${weight}`;
  return { factor, value: code, points: Math.round(entry.score * weight), note: `${entry.category} (${entry.score} points${share})` };
}

export function scoreRisk(input: RiskInput, model: RiskModel = DEFAULT_RISK_MODEL): RiskAssessment {
  const factors: RiskFactor[] = [];
  const floors: RiskAssessment['floors'] = [];

  factors.push(countryFactor('residence', input.residenceCode, input.residence, model, 1));
  factors.push(countryFactor('nationality', input.nationalityCode, input.nationality, model, model.nationalityWeight));
  for (const [which, entry] of [
    ['residence', input.residence],
    ['nationality', input.nationality],
  ] as const) {
    if (entry?.category === 'black') floors.push({ band: 'high', reason: `${which} ${entry.code} is on the FATF call-for-action list` });
  }

  factors.push({
    factor: 'pep',
    value: input.pep,
    points: input.pep ? model.pep : 0,
    note: input.pep ? 'politically exposed person' : 'not a PEP',
  });
  if (input.pep) floors.push({ band: 'high', reason: 'politically exposed person' });

  const activity = input.clientType === 'corporate' ? input.industry : input.occupation;
  const table = input.clientType === 'corporate' ? model.industry : model.occupation;
  const known = activity !== null && activity in table;
  factors.push({
    factor: 'occupation',
    value: activity,
    points: known ? table[activity] : model.unknownOccupation,
    note: `${input.clientType === 'corporate' ? 'industry' : 'occupation'}${known ? '' : ' not in the model'}`,
  });

  const products = input.products.map((p) => ({ p, points: model.product[p] ?? 0 })).sort((a, b) => b.points - a.points);
  factors.push({
    factor: 'product',
    value: products[0]?.p ?? null,
    points: products[0]?.points ?? 0,
    note: products.length ? `riskiest of ${input.products.join(', ')}` : 'no products',
  });
  factors.push({
    factor: 'leverage',
    value: input.maxLeverage,
    points: input.maxLeverage === null ? 0 : stepPoints(model.leverage, input.maxLeverage),
    note: input.maxLeverage === null ? 'no leverage' : `up to 1:${input.maxLeverage}`,
  });
  factors.push({
    factor: 'channel',
    value: input.channel,
    points: input.channel !== null && input.channel in model.channel ? model.channel[input.channel] : model.unknownOccupation,
    note: 'onboarding channel',
  });

  if (input.declaredIncome === null || input.declaredIncome <= 0) {
    factors.push({ factor: 'deposits_vs_income', value: null, points: model.missingIncome, note: 'income not declared' });
  } else {
    const ratio = (input.expectedDeposits ?? 0) / input.declaredIncome;
    factors.push({
      factor: 'deposits_vs_income',
      value: Math.round(ratio * 100) / 100,
      points: stepPoints(model.depositsToIncome, ratio),
      note: `expected deposits ${input.expectedDeposits ?? 0} vs income ${input.declaredIncome}`,
    });
  }

  const s = input.screening;
  const screeningPoints = s.trueMatches > 0 ? model.screening.trueMatch : s.pendingHits * model.screening.pendingHit;
  factors.push({
    factor: 'screening',
    value: s.trueMatches > 0 ? 'true_match' : s.pendingHits > 0 ? 'pending_review' : 'clear',
    points: screeningPoints,
    note: `${s.trueMatches} confirmed, ${s.pendingHits} awaiting review, ${s.falsePositives} false positive(s)`,
  });
  if (s.trueMatches > 0) floors.push({ band: 'critical', reason: 'confirmed sanctions match' });

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const computedBand = floors.reduce((b, f) => higherBand(b, f.band), bandOf(score, model));
  return { score, computedBand, band: computedBand, factors, floors, override: null };
}

/** A person sets the band by hand; the reason is mandatory and the computed band is kept beside it. */
export function overrideBand(a: RiskAssessment, o: { band: RiskBand; reason: string; actorId: string; at: number }): RiskAssessment {
  const reason = o.reason.trim();
  if (!reason) throw new Error('A risk override needs a reason');
  if (!RISK_BANDS.includes(o.band)) throw new Error(`Unknown risk band ${o.band}`);
  return { ...a, band: o.band, override: { band: o.band, fromBand: a.band, reason, actorId: o.actorId, at: o.at } };
}

/** Merges an operator's partial model over the defaults (one level deep: tables are merged by key). */
export function mergeModel(partial: unknown): RiskModel {
  if (!partial || typeof partial !== 'object') return DEFAULT_RISK_MODEL;
  const out: Record<string, unknown> = { ...DEFAULT_RISK_MODEL };
  for (const [k, v] of Object.entries(partial as Record<string, unknown>)) {
    const base = (DEFAULT_RISK_MODEL as unknown as Record<string, unknown>)[k];
    if (base === undefined) continue;
    out[k] =
      base && typeof base === 'object' && !Array.isArray(base) && v && typeof v === 'object' && !Array.isArray(v) ? { ...base, ...v } : v;
  }
  return out as unknown as RiskModel;
}

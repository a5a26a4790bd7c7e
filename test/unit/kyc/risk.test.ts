import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MODEL, mergeModel, overrideBand, scoreRisk, type RiskInput } from '../../../workflows/kyc-review/risk';

const GB = { code: 'GB', category: 'standard' as const, score: 0 };
const AE = { code: 'AE', category: 'grey' as const, score: 25 };
const IR = { code: 'IR', category: 'black' as const, score: 50 };

/** A quiet retail client: every factor at zero. */
const base: RiskInput = {
  clientType: 'individual',
  residenceCode: 'GB',
  residence: GB,
  nationalityCode: 'GB',
  nationality: GB,
  pep: false,
  occupation: 'employee',
  industry: null,
  products: ['shares'],
  maxLeverage: null,
  channel: 'in_person',
  declaredIncome: 80_000,
  expectedDeposits: 10_000,
  screening: { pendingHits: 0, trueMatches: 0, falsePositives: 0 },
};

const points = (input: Partial<RiskInput>, factor: string) =>
  scoreRisk({ ...base, ...input }).factors.find((f) => f.factor === factor)!.points;

describe('risk scoring', () => {
  it('scores a quiet client 0, low, with every factor listed', () => {
    const a = scoreRisk(base);
    expect(a).toMatchObject({ score: 0, band: 'low', computedBand: 'low', override: null, floors: [] });
    expect(a.factors.map((f) => f.factor)).toEqual([
      'residence',
      'nationality',
      'pep',
      'occupation',
      'product',
      'leverage',
      'channel',
      'deposits_vs_income',
      'screening',
    ]);
  });

  it('counts the residence country in full and the nationality at the model weight', () => {
    expect(points({ residence: AE, residenceCode: 'AE' }, 'residence')).toBe(25);
    expect(points({ nationality: AE, nationalityCode: 'AE' }, 'nationality')).toBe(13);
    expect(points({ residence: null, residenceCode: 'XX' }, 'residence')).toBe(DEFAULT_RISK_MODEL.unknownCountry);
    expect(points({ residence: null, residenceCode: null }, 'residence')).toBe(DEFAULT_RISK_MODEL.unknownCountry);
  });

  it('lifts a FATF black-list country to at least high, whatever the score', () => {
    const a = scoreRisk({ ...base, nationality: IR, nationalityCode: 'IR' });
    expect(a.score).toBe(25);
    expect(a.band).toBe('high');
    expect(a.floors[0].reason).toMatch(/nationality IR/);
  });

  it('gives PEPs points and a high floor', () => {
    const a = scoreRisk({ ...base, pep: true });
    expect(points({ pep: true }, 'pep')).toBe(30);
    expect(a.band).toBe('high');
  });

  it('scores occupation for people and industry for companies, unknown ones a little', () => {
    expect(points({ occupation: 'gambling' }, 'occupation')).toBe(25);
    expect(points({ occupation: 'astronaut' }, 'occupation')).toBe(DEFAULT_RISK_MODEL.unknownOccupation);
    expect(points({ clientType: 'corporate', industry: 'money_services', occupation: 'employee' }, 'occupation')).toBe(25);
  });

  it('takes the riskiest product, and leverage by steps', () => {
    expect(points({ products: ['shares', 'cfd', 'fx_spot'] }, 'product')).toBe(10);
    expect(points({ products: [] }, 'product')).toBe(0);
    expect(points({ maxLeverage: 30 }, 'leverage')).toBe(0);
    expect(points({ maxLeverage: 50 }, 'leverage')).toBe(5);
    expect(points({ maxLeverage: 500 }, 'leverage')).toBe(25);
  });

  it('scores the channel and expected deposits against declared income', () => {
    expect(points({ channel: 'introducer' }, 'channel')).toBe(10);
    expect(points({ expectedDeposits: 30_000 }, 'deposits_vs_income')).toBe(5);
    expect(points({ expectedDeposits: 100_000 }, 'deposits_vs_income')).toBe(30);
    expect(points({ declaredIncome: null }, 'deposits_vs_income')).toBe(DEFAULT_RISK_MODEL.missingIncome);
  });

  it('adds pending screening hits, and makes a confirmed match critical', () => {
    expect(points({ screening: { pendingHits: 2, trueMatches: 0, falsePositives: 0 } }, 'screening')).toBe(30);
    expect(points({ screening: { pendingHits: 0, trueMatches: 0, falsePositives: 3 } }, 'screening')).toBe(0);
    const hit = scoreRisk({ ...base, screening: { pendingHits: 0, trueMatches: 1, falsePositives: 0 } });
    expect(hit.band).toBe('critical');
  });

  it('bands by thresholds: medium at 20, high at 45, critical at 70', () => {
    const medium = { channel: 'introducer', occupation: 'self_employed' };
    expect(scoreRisk({ ...base, ...medium }).band).toBe('medium');
    expect(scoreRisk({ ...base, ...medium, residence: AE, residenceCode: 'AE' }).band).toBe('high');
    expect(scoreRisk({ ...base, ...medium, residence: AE, residenceCode: 'AE', maxLeverage: 500 }).band).toBe('critical');
    expect(scoreRisk({ ...base, occupation: 'unemployed', products: ['cfd'] }).band).toBe('medium');
  });

  it('lets an operator change the model by merging over the defaults', () => {
    const model = mergeModel({ occupation: { astronaut: 40 }, bands: { high: 40 } });
    expect(model.occupation.employee).toBe(0);
    expect(scoreRisk({ ...base, occupation: 'astronaut' }, model)).toMatchObject({ score: 40, band: 'high' });
    expect(mergeModel(null)).toBe(DEFAULT_RISK_MODEL);
  });
});

describe('risk override', () => {
  it('keeps the computed band beside the override and needs a reason', () => {
    const a = scoreRisk(base);
    const o = overrideBand(a, { band: 'high', reason: ' Adverse media about the employer ', actorId: 'u-kyc1', at: 1 });
    expect(o).toMatchObject({ band: 'high', computedBand: 'low', score: 0 });
    expect(o.override).toEqual({ band: 'high', fromBand: 'low', reason: 'Adverse media about the employer', actorId: 'u-kyc1', at: 1 });
    expect(() => overrideBand(a, { band: 'high', reason: '   ', actorId: 'u-kyc1', at: 1 })).toThrow(/reason/);
  });
});

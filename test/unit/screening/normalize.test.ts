import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../platform/screening/match/compare';
import { countryCode } from '../../../platform/screening/text/countries';
import { normalizeName } from '../../../platform/screening/text/normalize';
import { skeleton } from '../../../platform/screening/text/phonetic';
import { DEFAULT_REVIEW_THRESHOLD } from '../../../platform/screening/config';
import { every, lists } from './lists';

const words = (name: string, kind: 'person' | 'org' | 'any' = 'any') => normalizeName(name, kind).tokens.map((t) => t.text);

describe('normalisation', () => {
  it('folds case, diacritics and punctuation, and joins apostrophes', () => {
    expect(words('José  MARÍA Núñez-Ñandú')).toEqual(['jose', 'maria', 'nunez', 'nandu']);
    expect(words("O'Brien, Seán")).toEqual(['obrien', 'sean']);
    expect(words('Đặng Văn Łukasz Straße')).toEqual(['dang', 'van', 'lukasz', 'strasse']);
  });

  it('drops honorifics from people and legal forms from organisations, and says so', () => {
    const p = normalizeName('Sheikh Dr. Haji Abdul Rahman', 'person');
    expect(p.tokens.map((t) => t.text)).toEqual(['abdul', 'rahman']);
    expect(p.removed).toEqual(['sheikh', 'dr', 'haji']);
    expect(words('Romashka Trading Co., Ltd.', 'org')).toEqual(['romashka', 'trading']);
    expect(words('OOO Romashka', 'org')).toEqual(['romashka']);
    expect(words('Grupo Mundo S.A. de C.V.', 'org')).toEqual(['grupo', 'mundo']);
    expect(words('Siemens GmbH & Co. KG', 'org')).toEqual(['siemens']);
    expect(words('丹东鸿祥实业发展有限公司', 'org')).toEqual(['dan', 'dong', 'hong', 'xiang', 'shi', 'ye', 'fa', 'zhan']);
    expect(words('中兴通讯股份有限公司', 'org')).not.toContain('gong');
    // a name that is nothing but a legal form or title keeps it
    expect(words('Major', 'person')).toEqual(['major']);
  });

  it('transliterates Cyrillic, Greek, Hebrew, Arabic and Chinese', () => {
    expect(words('Владимир Путин')).toEqual(['vladimir', 'putin']);
    expect(words('Тарас Шевченко')).toEqual(['taras', 'shevchenko']);
    expect(words('Σωκράτης Παπαδόπουλος')).toEqual(['sokratis', 'papadopoulos']);
    expect(normalizeName('משה כהן').scripts).toEqual(['Hebrew']);
    expect(compareNames('משה כהן', 'Moshe Cohen', 'Person').score).toBeGreaterThanOrEqual(DEFAULT_REVIEW_THRESHOLD);
    expect(compareNames('Σωκράτης Παπαδόπουλος', 'Sokratis Papadopoulos', 'Person').score).toBe(1);
    expect(words('صدام حسين التكريتي')).toEqual(['sdam', 'hsin', 'al', 'tkriti']);
    expect(words('王建国', 'person')).toEqual(['wang', 'jian', 'guo']);
    expect(words('单田芳', 'person')).toEqual(['shan', 'tian', 'fang']);
    expect(compareNames('王建国', 'WANG, Jianguo', 'Person').score).toBeGreaterThanOrEqual(DEFAULT_REVIEW_THRESHOLD);
  });

  it('gives spelling variants one consonant skeleton', () => {
    for (const group of [
      ['hussein', 'husayn', 'husain'],
      ['marzouk', 'marzuq', 'marzook'],
      ['mohammed', 'muhammad', 'mohamad'],
    ]) {
      expect(new Set(group.map(skeleton)).size).toBe(1);
    }
  });

  it('resolves country names, codes and demonyms', () => {
    expect(['Iran (Islamic Republic of)', 'Iran', 'IR', 'Иран', 'Iranian'].map(countryCode)).toEqual(Array(5).fill('IR'));
    expect(countryCode('Korea, North')).toBe(countryCode("Democratic People's Republic of Korea"));
    expect(countryCode('Nowhere-land')).toBeUndefined();
  });
});

describe('original-script names published by the UN', () => {
  // The UN list gives some names in Cyrillic or Arabic next to the Latin one: the two must match.
  const pairs = (script: RegExp) =>
    lists().un.entries.flatMap((e) =>
      e.aliases.filter((a) => a.kind === 'original_script' && script.test(a.name)).map((a) => [a.name, e.name, e.schema] as const),
    );

  it('matches Cyrillic originals with their Latin names', () => {
    const cyr = pairs(/[\u0400-\u04ff]/);
    expect(cyr.length).toBeGreaterThan(5);
    for (const [orig, latin, schema] of cyr) {
      if (schema !== 'Person') continue;
      expect(compareNames(orig, latin, 'Person').score, `${orig} / ${latin}`).toBeGreaterThanOrEqual(DEFAULT_REVIEW_THRESHOLD);
    }
  });

  it('matches most Arabic originals with their Latin names', () => {
    const ar = pairs(/[\u0600-\u06ff]/).filter(([, , schema]) => schema === 'Person');
    expect(ar.length).toBeGreaterThan(100);
    const matched = ar.filter(([orig, latin]) => compareNames(orig, latin, 'Person').score >= DEFAULT_REVIEW_THRESHOLD);
    expect(matched.length / ar.length).toBeGreaterThan(0.8);
  });

  it('keeps a name apart from other entries in the same script', () => {
    const ar = every(
      pairs(/[\u0600-\u06ff]/).filter(([, , s]) => s === 'Person'),
      3,
    );
    let above = 0;
    for (let i = 0; i + 1 < ar.length; i++) if (compareNames(ar[i][0], ar[i + 1][1], 'Person').score >= DEFAULT_REVIEW_THRESHOLD) above++;
    expect(above / ar.length).toBeLessThan(0.05);
  });
});

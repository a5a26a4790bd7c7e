// How phone numbers, names and search texts are normalised for the CRM.
import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneNumberOf, phoneQuery } from '../../../platform/crm/phones';
import { maskIdentifier, searchNameOf } from '../../../platform/crm/names';
import { planSearch } from '../../../api/clients/search';

describe('phones', () => {
  it('reads national, international and 00 formats to the same E.164 number', () => {
    for (const [raw, country] of [
      ['020 7946 0018', 'GB'],
      ['+44 20 7946 0018', null],
      ['0044 20 7946 0018', null],
      ['+44 (0)20 7946 0018', null],
    ] as const) {
      expect(normalizePhone(raw, country)).toMatchObject({ e164: '+442079460018', national: '2079460018', country: 'GB', valid: true });
    }
    expect(normalizePhone('8 (912) 345-67-89', 'RU')?.e164).toBe('+79123456789');
    expect(normalizePhone('138 0013 8000', 'CN')?.e164).toBe('+8613800138000');
    expect(normalizePhone('call me', 'GB')).toBeNull();
    expect(normalizePhone('12', 'GB')).toBeNull();
  });

  it('phoneNumberOf gives what normalizePhone gives for e164 and national, and null for the same texts', () => {
    for (const [raw, country] of [
      ['020 7946 0018', 'GB'],
      ['+44 20 7946 0018', null],
      ['0044 20 7946 0018', 'RU'],
      ['8 (912) 345-67-89', 'RU'],
      ['138 0013 8000', 'CN'],
      ['+44 7800 000001', 'GB'],
      ['07911 123456', 'GB'],
      ['+1 555 0100', null],
      ['+999 1234567', null],
      ['call me', 'GB'],
      ['12', 'GB'],
      ['0123456', null],
    ] as const) {
      const full = normalizePhone(raw, country);
      expect(phoneNumberOf(raw, country), raw).toEqual(full && { e164: full.e164, national: full.national });
    }
  });

  it('turns a search text into the numbers it can be', () => {
    // typed without a country code, it is tried in each branch country (020 is Guangzhou in China)
    expect(phoneQuery('020 7946 0018', ['GB', 'CN'])).toEqual({
      e164: ['+442079460018', '+862079460018'],
      national: ['2079460018', '02079460018'],
    });
    expect(phoneQuery('+44 20 7946 0018')).toEqual({ e164: ['+442079460018'], national: ['2079460018'] });
    expect(phoneQuery('Oliver')).toBeNull();
    expect(phoneQuery('12-34')).toBeNull();
  });
});

describe('names', () => {
  it('folds any script to one Latin search form', () => {
    expect(searchNameOf('Дмитрий Волков')).toBe('dmitriy volkov');
    expect(searchNameOf('王芳')).toBe('wang fang');
    expect(searchNameOf('王建国')).toBe('wang jian guo wang jianguo');
    expect(searchNameOf('Nguyễn Thị Lan')).toBe('nguyen thi lan');
    expect(searchNameOf('Harbour Capital Ltd')).toBe('harbour capital');
  });

  it('masks identifiers to their last characters', () => {
    expect(maskIdentifier('QQ123456C')).toBe('******56C');
    expect(maskIdentifier('12345')).toBe('****5');
    expect(maskIdentifier('123')).toBe('***');
    expect(maskIdentifier(null)).toBeNull();
  });
});

describe('search plan', () => {
  const plan = (q: string, identifiers = true) => planSearch(q, { countries: ['GB'], identifiers });
  it('reads a text as every kind it can be', () => {
    expect(plan('Ivan.Petrov@Example.ru')).toEqual({ email: 'ivan.petrov@example.ru' });
    expect(plan('Oliver Benett')).toEqual({ name: 'oliver benett' });
    expect(plan('77001234')).toMatchObject({ login: '77001234', id: '77001234', identifier: '77001234', phone: expect.any(Object) });
    // mostly digits: a number, not a name
    expect(plan('P 123-456-789')).toEqual({ identifier: 'P123456789' });
    expect(plan('3M Company')).toMatchObject({ name: '3m' }); // "company" is a legal form
    expect(plan('P 123-456-789', false).identifier).toBeUndefined();
  });
});

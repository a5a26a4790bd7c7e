import { describe, expect, it } from 'vitest';
import { checkDigit, mrzDate, parseTd3 } from '../../../workflows/kyc-review/mrz';

// ICAO Doc 9303 part 4 specimen (Utopia) and the German federal specimen passport (Erika Mustermann).
const UTO = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const DEU = ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4'];

const withChar = (line: string, at: number, c: string) => line.slice(0, at) + c + line.slice(at + 1);
const failed = (lines: string[]) =>
  parseTd3(lines)
    .checks.filter((c) => !c.ok)
    .map((c) => c.field);

describe('ICAO 9303 check digits', () => {
  it('weights 7-3-1 over digits, letters (A=10…Z=35) and fillers (<=0)', () => {
    expect(checkDigit('L898902C3')).toBe(6);
    expect(checkDigit('740812')).toBe(2);
    expect(checkDigit('120415')).toBe(9);
    expect(checkDigit('<<<<')).toBe(0);
    expect(checkDigit('A')).toBe(0); // 10 × 7 = 70
    expect(checkDigit('Z')).toBe(5); // 35 × 7 = 245
  });

  it('accepts both real specimens and reads their fields', () => {
    const uto = parseTd3(UTO);
    expect(uto.valid).toBe(true);
    expect(uto.fields).toMatchObject({
      issuingState: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      personalNumber: 'ZE184226B',
    });
    const deu = parseTd3(DEU.join('\n'));
    expect(deu.valid).toBe(true);
    expect(deu.fields).toMatchObject({ surname: 'MUSTERMANN', givenNames: 'ERIKA', documentNumber: 'C01X00T47', nationality: 'D' });
  });

  it('names the field whose digit no longer matches after a one-character change', () => {
    expect(failed([UTO[0], withChar(UTO[1], 2, '0')])).toEqual(['document_number', 'composite']);
    expect(failed([UTO[0], withChar(UTO[1], 18, '3')])).toEqual(['birth_date', 'composite']);
    expect(failed([UTO[0], withChar(UTO[1], 26, '6')])).toEqual(['expiry_date', 'composite']);
    expect(failed([UTO[0], withChar(UTO[1], 30, '2')])).toEqual(['personal_number', 'composite']);
    expect(failed([UTO[0], withChar(UTO[1], 43, '1')])).toEqual(['composite']);
    expect(failed([UTO[0], withChar(UTO[1], 9, '7')])).toEqual(['document_number', 'composite']);
    // the name line carries no check digit
    expect(parseTd3([withChar(UTO[0], 6, 'X'), UTO[1]]).valid).toBe(true);
  });

  it('refuses lines of the wrong shape without checking anything', () => {
    expect(parseTd3([UTO[0], UTO[1].slice(1)])).toMatchObject({ valid: false, checks: [] });
    expect(parseTd3([UTO[0]])).toMatchObject({ valid: false });
    expect(parseTd3([UTO[0], withChar(UTO[1], 3, '#')]).error).toMatch(/A–Z/);
  });

  it('expands two-digit years: birth dates in the past, expiry dates ahead', () => {
    const now = Date.UTC(2026, 10, 23);
    expect(mrzDate('740812', 'birth', now)).toBe('1974-08-12');
    expect(mrzDate('100101', 'birth', now)).toBe('2010-01-01');
    expect(mrzDate('300101', 'birth', now)).toBe('1930-01-01');
    expect(mrzDate('310228', 'expiry', now)).toBe('2031-02-28');
    expect(mrzDate('120415', 'expiry', now)).toBe('2012-04-15');
    expect(mrzDate('740231', 'birth', now)).toBeNull();
  });
});

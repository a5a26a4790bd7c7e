import { useMemo } from 'react';
import { useFormat } from '../i18n/format';

/** Money as the API gives it (a decimal string) in the console's language: "USD 12,345.67". Codes Intl does not
 * know as currencies (USDT) get the number and the code. */
export const useMoney = () => {
  const { locale } = useFormat();
  return useMemo(
    () => (amount: string | null | undefined, currency: string) => {
      if (amount === null || amount === undefined) return '-';
      const n = Number(amount);
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(n);
      } catch {
        return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n)} ${currency}`;
      }
    },
    [locale],
  );
};

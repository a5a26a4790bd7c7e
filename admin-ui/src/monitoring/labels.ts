import { useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Labels and values of monitoring data in the user's language: scenarios, parameters and what alerts computed. */
export const useMonitoringLabels = () => {
  const translate = useTranslate();
  const format = useFormat();
  const label = (group: string, value: string) => translate(`monitoring.${group}.${value}`, { _: humanize(value) });
  /** a parameter or a computed figure, by its name */
  const name = (key: string) => translate(`monitoring.param.${key}`, { _: translate(`monitoring.aggregate.${key}`, { _: humanize(key) }) });
  /** a value as people read it: numbers and times in their locale, codes labelled where we know them */
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '-';
    if (Array.isArray(v)) return v.map((x) => value(key, x)).join(', ');
    if (typeof v === 'boolean') return translate(v ? 'ra.boolean.true' : 'ra.boolean.false');
    if (typeof v === 'number') return format.number(v, { maximumFractionDigits: 4 });
    if (typeof v === 'string') {
      if (ISO_TIME.test(v)) return format.dateTime(v);
      if (DECIMAL.test(v)) return format.number(Number(v), { maximumFractionDigits: 4 });
      if (/methods$/i.test(key)) return label('method', v);
      if (key === 'types' || key === 'type') return label('tx_type', v);
      if (/categories$|^category$/i.test(key)) return label('category', v);
      return v;
    }
    return JSON.stringify(v);
  };
  return {
    scenario: (id: string, fallback?: string) => translate(`monitoring.scenario.${id}`, { _: fallback ?? humanize(id) }),
    label,
    name,
    value,
  };
};

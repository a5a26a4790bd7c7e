import { DateField, type DateFieldProps } from 'react-admin';
import { useFormat } from './format';

/** Date and time in the console's language and the user's region (i18n/format.ts), rather than the browser's. */
export const LocalDateField = ({ showTime = true, ...props }: DateFieldProps) => {
  const { locale } = useFormat();
  return (
    <DateField
      showTime={showTime}
      locales={locale}
      options={showTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }}
      {...props}
    />
  );
};

import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** Date and time in the console's language rather than the browser's. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} {...props} />;
};

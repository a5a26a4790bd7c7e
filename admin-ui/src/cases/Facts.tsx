import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A case's key facts as label and value pairs (the task page's case summary). */
export const Facts = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Box
    data-testid={testId}
    sx={{ display: 'grid', gridTemplateColumns: 'minmax(100px, max-content) 1fr', columnGap: 2, rowGap: 0.5, alignItems: 'baseline' }}
  >
    {children}
  </Box>
);

/** One fact; nothing when there is no value. `label` is a message key. */
export const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {children}
      </Typography>
    </>
  );
};

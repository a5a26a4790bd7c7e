import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/** A table wider than a phone's screen scrolls sideways inside its card instead of widening the page
 * (contain: the table's width no longer sets the width of the card, its grid column and the page). */
export const ScrollX = ({ children }: { children: ReactNode }) => (
  <Box sx={{ overflowX: 'auto', width: '100%', contain: 'inline-size' }}>{children}</Box>
);

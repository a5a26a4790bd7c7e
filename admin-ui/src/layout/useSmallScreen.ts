import { useMediaQuery, type Theme } from '@mui/material';

/** Phones (below MUI's `sm`, 600 px): lists show one card-like line per record instead of a table. */
export const useSmallScreen = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

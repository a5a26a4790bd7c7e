import TranslateIcon from '@mui/icons-material/Translate';
import { Button, IconButton, Menu, MenuItem, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useLocales } from 'react-admin';
import { useSmallScreen } from '../layout/useSmallScreen';

/** Language menu (app bar and login page); react-admin's store remembers the choice. */
export const LocaleSwitcher = () => {
  const [locale, setLocale] = useLocaleState();
  const locales = useLocales();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const small = useSmallScreen();
  const name = locales.find((l) => l.locale === locale)?.name ?? locale;

  // Lets the browser pick proper fonts and line breaking for Thai and Chinese.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <>
      {small ? (
        // Phones: the icon only, so the bell and the user menu keep their place in the app bar.
        <Tooltip title={name}>
          <IconButton color="inherit" aria-label={name} onClick={(e) => setAnchor(e.currentTarget)} data-testid="locale-switcher">
            <TranslateIcon />
          </IconButton>
        </Tooltip>
      ) : (
        <Button color="inherit" startIcon={<TranslateIcon />} onClick={(e) => setAnchor(e.currentTarget)} data-testid="locale-switcher">
          {name}
        </Button>
      )}
      <Menu anchorEl={anchor} open={anchor != null} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem
            key={l.locale}
            selected={l.locale === locale}
            data-testid={`locale-${l.locale}`}
            onClick={() => {
              setAnchor(null);
              setLocale(l.locale);
            }}
          >
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};

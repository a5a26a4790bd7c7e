// First: sends a returning user's first requests while the rest below is still being evaluated.
import './providers/prefetch';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18nProvider, initialLocale } from './i18n/i18nProvider';
import { loadMessages } from './i18n/messages';

// English is in the bundle; another starting language is fetched first (react-admin needs it at once).
const locale = initialLocale();
void loadMessages(locale).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App i18nProvider={createI18nProvider(locale)} />
    </StrictMode>,
  ),
);

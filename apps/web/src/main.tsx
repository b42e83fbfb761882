import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../../platform/client/i18n.js';
import { App } from './app.js';
import { i18nBundles } from './catalogs.js';
import './styles.css';

initI18n(i18nBundles);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

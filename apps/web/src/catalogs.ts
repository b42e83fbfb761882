import type { I18nBundle } from '../../../platform/client/i18n.js';
import { commonCatalogs } from '../../../platform/client/common-i18n.js';
import { clientModules } from './modules.js';
import { shellCatalogs } from './shell-i18n.js';

/** Every i18next namespace the app loads: shared words, the shell, then one per module. */
export const i18nBundles: I18nBundle[] = [
  { ns: 'common', catalogs: commonCatalogs },
  { ns: 'shell', catalogs: shellCatalogs },
  ...clientModules.map((m) => ({ ns: m.id, catalogs: m.i18n })),
];

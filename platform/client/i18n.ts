import type { ConfigProviderProps } from 'antd';
// The ES builds: antd/locale/* are CommonJS re-exports.
import enUS from 'antd/es/locale/en_US.js';
import jaJP from 'antd/es/locale/ja_JP.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { type Catalog, type Catalogs, LOCALES, type Locale, pickLocale } from '../shared/i18n.js';

/** Where the language chosen before signing in is kept; once signed in, the profile decides. */
const STORAGE_KEY = 'skein.locale';

/** One i18next namespace: a module's (or the shell's) catalogs. */
export interface I18nBundle {
  ns: string;
  catalogs: Catalogs<Catalog>;
}

/** antd's own strings (date pickers, pagination, empty states) in the same language. */
export const antdLocales: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCN,
  'en-US': enUS,
  'ja-JP': jaJP,
};

/** Each language named in itself, so anybody can find theirs whatever the UI shows. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English', 'ja-JP': '日本語' };

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Sets i18next up synchronously with every namespace, in the stored or the browser's language. */
export function initI18n(bundles: I18nBundle[]): void {
  const resources: Record<string, Record<string, Catalog>> = {};
  for (const locale of LOCALES) {
    resources[locale] = Object.fromEntries(bundles.map((b) => [b.ns, b.catalogs[locale]]));
  }
  const lng = pickLocale(storedLocale(), navigator.languages?.join(','));
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en-US',
    supportedLngs: [...LOCALES],
    ns: bundles.map((b) => b.ns),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  document.documentElement.lang = lng;
}

/** Switches the UI language now and remembers it on this device. */
export async function switchLanguage(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the language still applies for this visit.
  }
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

/** The language the UI shows right now (re-renders on change). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return pickLocale(i18n.language);
}

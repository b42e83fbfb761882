import { describe, expect, test } from 'vitest';
import { type Catalog, DEFAULT_LOCALE, LOCALES, missingKeys } from '../../../platform/shared/i18n.js';
import { i18nBundles } from './catalogs.js';
import { clientModules } from './modules.js';

/** Every `{{name}}` placeholder of a catalog, by dotted key. */
function placeholders(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string')
      out.set(
        path,
        [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      );
    else for (const [k, v] of placeholders(value, path)) out.set(k, v);
  }
  return out;
}

describe('every UI string exists in every language', () => {
  test('each module client is loaded as its own namespace', () => {
    const namespaces = i18nBundles.map((b) => b.ns);
    for (const m of clientModules) expect(namespaces).toContain(m.id);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  for (const bundle of i18nBundles) {
    for (const locale of LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
      test(`${bundle.ns}: ${locale} has every English key, none empty`, () => {
        expect(missingKeys(bundle.catalogs[DEFAULT_LOCALE], bundle.catalogs[locale])).toEqual([]);
      });

      test(`${bundle.ns}: ${locale} has no key English lacks, and the same placeholders`, () => {
        expect(missingKeys(bundle.catalogs[locale], bundle.catalogs[DEFAULT_LOCALE])).toEqual([]);
        const source = placeholders(bundle.catalogs[DEFAULT_LOCALE]);
        const target = placeholders(bundle.catalogs[locale]);
        const differing = [...source].filter(([key, names]) => target.get(key) !== names).map(([key]) => key);
        expect(differing).toEqual([]);
      });
    }
  }

  test('every navigation label resolves in every language', () => {
    const byNs = new Map(i18nBundles.map((b) => [b.ns, b.catalogs]));
    for (const item of clientModules.flatMap((m) => m.nav)) {
      const [ns, key] = item.labelKey.split(':');
      for (const locale of LOCALES) {
        let node: unknown = byNs.get(ns)?.[locale];
        for (const part of key.split('.')) node = (node as Catalog | undefined)?.[part];
        expect(typeof node === 'string' && node.trim() !== '', `${item.labelKey} in ${locale}`).toBe(true);
      }
    }
  });
});

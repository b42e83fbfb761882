import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type Catalog, LOCALES } from '../../../platform/shared/i18n.js';
import { i18nBundles } from './catalogs.js';

/** docs/glossary.md's "Words not used" table: language → words its catalogs must not use. */
function bannedWords(): Map<string, string[]> {
  const doc = fs.readFileSync(new URL('../../../docs/glossary.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Words not used'));
  const banned = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const [, language, word] = cells;
    if (!LOCALES.includes(language as never) || !word) continue;
    banned.set(language, [...(banned.get(language) ?? []), word]);
  }
  return banned;
}

function strings(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );
}

describe('one word per concept (docs/glossary.md)', () => {
  const banned = bannedWords();

  test('the glossary lists words to keep out for every language', () => {
    for (const locale of LOCALES) expect(banned.get(locale)?.length, locale).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    test(`${locale}: no catalog uses a word the glossary keeps out`, () => {
      const found: string[] = [];
      for (const bundle of i18nBundles) {
        for (const [key, text] of strings(bundle.catalogs[locale])) {
          for (const word of banned.get(locale) ?? []) {
            // Latin words match as whole words (plurals too), in any case: "division" is not in "individual".
            const hit = /^[\x20-\x7e]+$/.test(word)
              ? new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}s?\\b`, 'i').test(text)
              : text.includes(word);
            if (hit) found.push(`${bundle.ns}:${key} uses "${word}": ${text}`);
          }
        }
      }
      expect(found).toEqual([]);
    });
  }
});

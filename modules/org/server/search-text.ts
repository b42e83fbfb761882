import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';
import { type NamedPerson, readingOf } from '../../../platform/shared/person-name.js';

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * What directory search matches a person by: each name lower-cased, and for Chinese
 * characters the full pinyin ("zhangwei") and initials ("zw"), for kana the romaji, plus
 * the email. Stored per member so a search is one indexed scan, not per-row conversion.
 */
export function buildSearchText(names: string[], email: string): string {
  const parts = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (!name) continue;
    parts.add(name.replace(/\s+/g, ''));
    for (const word of name.split(/\s+/)) parts.add(word);
    if (HAN.test(name)) {
      const syllables = pinyin(name.replace(/\s+/g, ''), { toneType: 'none', type: 'array', surname: 'head' });
      parts.add(syllables.join(''));
      parts.add(syllables.map((s) => s[0]).join(''));
    }
    if (KANA.test(name)) parts.add(toRomaji(name).replace(/\s+/g, ''));
  }
  parts.add(email.toLowerCase());
  return ` ${[...parts].join(' ')} `;
}

/** Normalizes a query the same way names were indexed (kana → romaji, spaces dropped). */
export function normalizeQuery(q: string): string {
  const lowered = q.trim().toLowerCase().replace(/\s+/g, '');
  return KANA.test(lowered) ? toRomaji(lowered) : lowered;
}

/**
 * What the directory sorts people by: their name in Latin letters, so Chinese names follow
 * pinyin (吴 wu, 叶 ye, 周 zhou) instead of code points, Japanese names their kana reading
 * (佐藤健 by さとう → satou), and Anna Schmidt sits by 安娜. Stored per member like search_text
 * so a sorted page is an indexed scan on both SQLite and PostgreSQL.
 */
export function buildSortName(p: NamedPerson): string {
  const reading = readingOf(p);
  const name = p.displayName.trim();
  const latin = reading
    ? toRomaji(reading)
    : HAN.test(name)
      ? pinyin(name.replace(/\s+/g, ''), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' }).join(' ')
      : KANA.test(name)
        ? toRomaji(name)
        : name;
  return latin.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

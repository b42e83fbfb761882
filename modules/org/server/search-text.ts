import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';

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

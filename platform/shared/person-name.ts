import type { Locale } from './i18n.js';

/** The name fields every view of a person carries (directory, contact card, messenger). */
export interface NamedPerson {
  displayName: string;
  names: Partial<Record<Locale, string>>;
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u;
/** The dot between the parts of a foreign name written in Chinese (安娜·施密特). */
const NAME_DOT = /[·•・]/;
/** Two-character Chinese surnames, so 欧阳娜娜's given name is 娜娜, not 阳娜娜. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 长孙 長孫 宇文 司徒 夏侯 轩辕 軒轅 端木 独孤 獨孤 南宫 南宮 西门 西門 百里 呼延 澹台 澹臺 公冶 太史 申屠 钟离 鍾離 闻人 聞人 赫连 赫連 万俟 萬俟'.split(
    ' ',
  ),
);

/**
 * A Japanese name's kana reading: a kana-only ja-JP name under a display name written in kanji
 * (さとう けん for 佐藤健). It says how to sort and that the name is Japanese; it is not shown as the name.
 */
export function readingOf(p: NamedPerson): string | null {
  const ja = p.names['ja-JP']?.trim();
  return ja && KANA_ONLY.test(ja) && HAN.test(p.displayName) ? ja : null;
}

/**
 * The one rule for the name a viewer sees: the person's name in the viewer's language when they
 * set one, their display name otherwise. A kana reading is never shown in its kanji name's place.
 */
export function displayNameFor(p: NamedPerson, locale: Locale): string {
  const own = p.names[locale]?.trim();
  if (!own || (locale === 'ja-JP' && own === readingOf(p))) return p.displayName;
  return own;
}

/** Whether a name written in Han characters is Japanese: the person has kana somewhere (a reading). */
function isJapanese(p: NamedPerson): boolean {
  return [p.displayName, ...Object.values(p.names)].some((n) => n && KANA.test(n));
}

/** Up to `max` characters (code points, so no surrogate halves). */
const first = (s: string, max: number) => [...s].slice(0, max).join('');

/**
 * What an avatar without a photo shows, for the name the viewer sees: Latin names their two
 * initials (Na Li → NL); Chinese names the given name (张伟明 → 伟明, 欧阳娜娜 → 娜娜, and a
 * two-character name whole, 李娜, as a lone character reads as a fragment); foreign names
 * written in Chinese their first part (安娜·施密特 → 安娜); Japanese names the family name
 * (佐藤健 → 佐藤). A space the person put in their name marks where family and given name meet.
 */
export function initialsFor(p: NamedPerson, locale: Locale): string {
  const name = displayNameFor(p, locale).trim();
  if (!name) return '?';
  if (!HAN.test(name) && !KANA.test(name)) {
    const words = name.split(/\s+/);
    const letters = words.length > 1 ? `${first(words[0], 1)}${first(words.at(-1)!, 1)}` : first(words[0], 2);
    return letters.toUpperCase();
  }
  const words = name.split(/\s+/);
  if (isJapanese(p)) {
    // Family name first; most are two kanji (佐藤, 田中), a few three (佐々木) when spaced.
    return words.length > 1 ? first(words[0], 3) : first(name, 2);
  }
  if (NAME_DOT.test(name)) return first(name.split(NAME_DOT)[0].trim(), 2);
  if (words.length > 1) return first(words.at(-1)!, 2);
  const chars = [...name];
  if (chars.length <= 2) return name;
  const surname = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) && chars.length > 3 ? 2 : 1;
  return chars.slice(surname, surname + 2).join('');
}

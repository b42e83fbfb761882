import type { Locale } from '../../../../platform/shared/i18n.js';
import { type PickerEmoji, toPickerEmoji } from './emoji-search.js';
import { newestDrawnVersion, versionsByHexcode } from './emoji-support.js';

// The dataset (emojibase-data, MIT) is half a megabyte per language: it loads on first use, as its own
// chunks, so opening the app costs nothing. Literal paths let the bundler split them.
async function localSet(locale: Locale) {
  if (locale === 'zh-CN') return (await import('emojibase-data/zh/compact.json')).default;
  if (locale === 'ja-JP') return (await import('emojibase-data/ja/compact.json')).default;
  return [];
}

const loaded = new Map<Locale, Promise<PickerEmoji[]>>();

/** Every emoji the picker offers, named in the reader's language; loaded once per language. */
export function loadEmoji(locale: Locale): Promise<PickerEmoji[]> {
  let p = loaded.get(locale);
  if (!p) {
    p = Promise.all([
      import('emojibase-data/en/compact.json'),
      localSet(locale),
      import('emojibase-data/versions/emoji.json'),
    ]).then(([en, local, versions]) => {
      const newest = newestDrawnVersion(versions.default);
      const versionOf = versionsByHexcode(versions.default);
      return toPickerEmoji(en.default, local, (hex) => (versionOf.get(hex) ?? 0) <= newest);
    });
    p.catch(() => loaded.delete(locale));
    loaded.set(locale, p);
  }
  return p;
}

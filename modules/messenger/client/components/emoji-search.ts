/** One emoji as the picker shows it: names in the reader's language, with English kept for search. */
export type PickerEmoji = {
  emoji: string;
  /** emojibase group: 0 smileys … 9 flags (2, the skin-tone components, is never offered). */
  group: number;
  order: number;
  label: string;
  /** Lower-cased words to search: the reader's label and tags, then the English ones. */
  words: string[];
};

type Compact = { unicode: string; label: string; group?: number; order?: number; tags?: string[]; hexcode: string };

/**
 * Joins the English set with the reader's own (when it is not English): every emoji the picker
 * offers comes from the English list, named in the reader's language where the dataset has it.
 */
export function toPickerEmoji(
  en: Compact[],
  local: Compact[] = [],
  offered: (hexcode: string) => boolean = () => true,
): PickerEmoji[] {
  const byHex = new Map(local.map((e) => [e.hexcode, e]));
  const out: PickerEmoji[] = [];
  for (const e of en) {
    if (e.group === undefined || e.group === 2 || !offered(e.hexcode)) continue;
    const l = byHex.get(e.hexcode);
    const words = [l?.label, ...(l?.tags ?? []), e.label, ...(e.tags ?? [])].filter((w): w is string => !!w);
    out.push({
      emoji: e.unicode,
      group: e.group,
      order: e.order ?? 0,
      label: l?.label ?? e.label,
      words: [...new Set(words.map((w) => w.toLowerCase()))],
    });
  }
  return out.sort((a, b) => a.order - b.order);
}

/**
 * Emoji whose name or keywords contain the query, best first: a whole keyword, then a keyword that
 * starts with it, then any that contains it (so "smile" finds 😄 before 😼, and "笑" finds 😂).
 */
export function searchEmoji(all: PickerEmoji[], query: string, limit = 120): PickerEmoji[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { e: PickerEmoji; score: number }[] = [];
  for (const e of all) {
    let score = 0;
    for (const w of e.words) {
      if (w === q) score = Math.max(score, 3);
      else if (w.startsWith(q) || w.split(/[\s:_-]+/).some((part) => part.startsWith(q))) score = Math.max(score, 2);
      else if (w.includes(q)) score = Math.max(score, 1);
      if (score === 3) break;
    }
    if (score) scored.push({ e, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.e.order - b.e.order)
    .slice(0, limit)
    .map((s) => s.e);
}

/** The locales every UI string and error message exists in. */
export const LOCALES = ['zh-CN', 'en-US', 'ja-JP'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-US';

/** A nested message catalog; leaves are strings with `{{name}}` placeholders. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** A module's strings in every locale. English is the source; the others must match its keys. */
export type Catalogs<T extends Catalog> = Record<Locale, T>;

/** Picks the best supported locale from an Accept-Language header or a stored preference. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0].trim().toLowerCase();
      if (!tag) continue;
      const exact = LOCALES.find((l) => l.toLowerCase() === tag);
      if (exact) return exact;
      const lang = tag.split('-')[0];
      const byLang = LOCALES.find((l) => l.toLowerCase().startsWith(`${lang}-`));
      if (byLang) return byLang;
    }
  }
  return DEFAULT_LOCALE;
}

/** Lists keys present in `source` but missing (or not strings) in `other`, as dotted paths. */
export function missingKeys(source: Catalog, other: Catalog, prefix = ''): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const counterpart = Object.hasOwn(other, key) ? other[key] : undefined;
    if (typeof value === 'string') {
      if (typeof counterpart !== 'string' || counterpart.trim() === '') missing.push(path);
    } else if (counterpart === undefined || typeof counterpart === 'string') {
      missing.push(path);
    } else {
      missing.push(...missingKeys(value, counterpart, path));
    }
  }
  return missing;
}

/** Looks up a dotted key and fills `{{name}}` placeholders. */
export function translate(catalog: Catalog, key: string, params: Record<string, unknown> = {}): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    // Own keys only: `constructor.name` must not walk into Object.prototype and answer "Object".
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  if (typeof node !== 'string') return undefined;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(params[name] ?? ''));
}

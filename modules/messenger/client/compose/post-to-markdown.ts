import { type Block, type Inline, type PostContent, parseInline } from './markdown.js';

/*
 * The inverse of markdown.ts: a `post` back to the markdown-ish source the composer
 * understands, so editing a rich message keeps its formatting. For every post that
 * markdownToPost produces, markdownToPost(postToMarkdown(post)) gives the same post again.
 * Lossy only where the composer has no syntax: underline and strike-through are dropped,
 * emoji become :name: text, and a title (which the composer never writes) is left to the
 * caller (see editSource).
 */

type Style = 'bold' | 'italic' | 'code';

/** One piece of a row: a style marker, or something that prints as itself. */
type Token =
  | { t: 'open' | 'close'; style: 'bold' | 'italic' }
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'link'; text: string; href: string }
  | { t: 'at'; id: string; name: string };

const WORD = /[\p{L}\p{N}]/u;
/** What may follow a bare link without becoming part of it (markdown.ts strips it back off). */
const AFTER_BARE_URL = /^(?:[.,;:!?)\]}'"。，、！？）]*(?:[\s<"]|$))/u;

/** Composer styles of a run, outermost first (bold wraps italic); code is innermost, as the parser nests it. */
function stylesOf(e: { style?: string[] }): Style[] {
  const s = e.style ?? [];
  return (['bold', 'italic', 'code'] as const).filter((x) => s.includes(x));
}

/** A row as tokens: markers close and open only where the style set changes, so nesting matches the parser's. */
function tokenize(row: Inline[]): Token[] {
  const out: Token[] = [];
  const stack: ('bold' | 'italic')[] = [];
  const setStyles = (want: ('bold' | 'italic')[]) => {
    let keep = 0;
    while (keep < stack.length && want.includes(stack[keep])) keep++;
    while (stack.length > keep) out.push({ t: 'close', style: stack.pop()! });
    for (const s of want) {
      if (!stack.includes(s)) {
        stack.push(s);
        out.push({ t: 'open', style: s });
      }
    }
  };
  for (const e of row) {
    if (e.tag === 'at') {
      // Mentions carry no style; open markers stay open around them, as in "**hi <at …/> there**".
      out.push({ t: 'at', id: e.user_id, name: e.user_name ?? '' });
      continue;
    }
    if (e.tag === 'emotion') {
      out.push({ t: 'text', text: `:${e.emoji_type}:` });
      continue;
    }
    const styles = stylesOf(e);
    setStyles(styles.filter((s): s is 'bold' | 'italic' => s !== 'code'));
    if (e.tag === 'a') out.push({ t: 'link', text: e.text, href: e.href });
    else if (styles.includes('code')) out.push({ t: 'code', text: e.text });
    else out.push({ t: 'text', text: e.text });
  }
  setStyles([]);
  return out;
}

const isBoldMarker = (tok: Token | undefined) => (tok?.t === 'open' || tok?.t === 'close') && tok.style === 'bold';

type Marker = '*' | '_';

/**
 * Which character each italic pair uses. `*` reads best, but next to a bold marker `***` is
 * read as bold first, and `_` cannot hold a word with `_` in it: so `prefer` decides per pair.
 */
function italicMarkers(tokens: Token[], prefer: (crowded: boolean) => Marker): Map<number, Marker> {
  const marks = new Map<number, Marker>();
  const opens: number[] = [];
  tokens.forEach((tok, i) => {
    if (tok.t === 'open' && tok.style === 'italic') opens.push(i);
    if (tok.t === 'close' && tok.style === 'italic') {
      const o = opens.pop() ?? i;
      const crowded =
        isBoldMarker(tokens[o - 1]) || isBoldMarker(tokens[o + 1]) || isBoldMarker(tokens[i - 1]) || isBoldMarker(tokens[i + 1]);
      const m = prefer(crowded);
      marks.set(o, m);
      marks.set(i, m);
    }
  });
  return marks;
}

const STRATEGIES: ((crowded: boolean) => Marker)[] = [(c) => (c ? '_' : '*'), () => '*', () => '_', (c) => (c ? '*' : '_')];

/** The first spelling of the row that reads back as the same row (the first one when none does, e.g. for foreign posts). */
function rowToSource(row: Inline[]): string {
  const tokens = tokenize(row);
  const want = JSON.stringify(row);
  let first = '';
  for (const prefer of STRATEGIES) {
    const src = spell(tokens, italicMarkers(tokens, prefer));
    if (JSON.stringify(parseInline(src)) === want) return src;
    first ||= src;
    if (!tokens.some((t) => t.t === 'open' && t.style === 'italic')) break;
  }
  return first;
}

function spell(tokens: Token[], marks: Map<number, Marker>): string {
  const parts: string[] = tokens.map((tok, i) => {
    if (tok.t === 'open' || tok.t === 'close') return tok.style === 'bold' ? '**' : (marks.get(i) ?? '*');
    if (tok.t === 'text') return tok.text;
    if (tok.t === 'code') return `\`${tok.text}\``;
    if (tok.t === 'at') return `<at user_id="${tok.id}">${tok.name}</at>`;
    return '';
  });
  // Links last, right to left: whether a bare URL reads back as the same link depends on what follows it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i];
    if (tok.t !== 'link') continue;
    const before = parts.slice(0, i).join('');
    const after = parts.slice(i + 1).join('');
    const bare =
      tok.text === tok.href &&
      /^https?:\/\//i.test(tok.href) &&
      !WORD.test(before.slice(-1)) &&
      AFTER_BARE_URL.test(after) &&
      !/[.,;:!?)\]}'"。，、！？）]$/u.test(tok.href);
    parts[i] = bare ? tok.href : `[${tok.text}](${tok.href})`;
  }
  return parts.join('');
}

function blockToSource(b: Block): string {
  if (Array.isArray(b)) return rowToSource(b);
  if (b.tag === 'code_block')
    return b.text ? `\`\`\`${b.language ?? ''}\n${b.text}\n\`\`\`` : `\`\`\`${b.language ?? ''}\n\`\`\``;
  if (b.tag === 'list') return b.items.map((row, i) => `${b.ordered ? `${i + 1}.` : '-'} ${rowToSource(row)}`).join('\n');
  return '---';
}

/** A post as composer source (mentions as <at> tags, like the composer sends them). */
export function postToMarkdown(post: PostContent): string {
  return post.content.map(blockToSource).join('\n');
}

/** The people a post mentions, as the composer's picked list (so "@Name" turns back into a mention on save). */
export function postMentions(post: PostContent): { userId: string; name: string }[] {
  const rows = post.content.flatMap((b) => (Array.isArray(b) ? [b] : b.tag === 'list' ? b.items : []));
  return rows.flatMap((row) =>
    row.flatMap((e) => (e.tag === 'at' && e.user_name ? [{ userId: e.user_id as string, name: e.user_name }] : [])),
  );
}

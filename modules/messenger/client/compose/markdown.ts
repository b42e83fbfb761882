import type { z } from 'zod';
import type { postBlock, postContent, postInline } from '../../shared/message-types.js';

/*
 * What people type in the composer → a Lark `post` message. Exactly these constructs:
 * **bold**, *italic* / _italic_, `inline code`, ``` code blocks ```, "- " / "1. " lists,
 * [links](https://…) and bare http(s) links, plus the composer's <at user_id="…">Name</at>
 * mentions. Everything else stays literal text. No HTML is produced here: the renderer
 * builds React elements from the structure, and the server validates it again.
 * (No markdown library is installed; this covers the small subset the messenger supports.)
 */

export type Inline = z.infer<typeof postInline>;
export type Block = z.infer<typeof postBlock>;
export type PostContent = z.infer<typeof postContent>;
type Style = 'bold' | 'italic' | 'code';

const AT = /^<at user_id="(all|usr_[0-9A-HJKMNP-TV-Z]{26})">([^<]{0,100})<\/at>/;
const LINK = /^\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^)\s]+)\)/i;
const BARE_URL = /^https?:\/\/[^\s<>"]+/i;
const BARE_WWW = /^www\.[^\s<>".]+\.[^\s<>"]+/i;
const FENCE = /^\s*```\s*([\w+#.-]{0,40})\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HR = /^\s*(-{3,}|\*{3,}|_{3,})\s*$/;

function push(out: Inline[], text: string, styles: Style[]) {
  if (!text) return;
  const last = out[out.length - 1];
  const same = (a?: string[], b?: string[]) => (a ?? []).join() === (b ?? []).join();
  if (last && last.tag === 'text' && same(last.style, styles)) {
    last.text += text;
    return;
  }
  out.push(styles.length ? { tag: 'text', text, style: [...styles] } : { tag: 'text', text });
}

/** The index of the closing `marker` for an opening at `from`, or -1. */
function closing(src: string, from: number, marker: string): number {
  let i = src.indexOf(marker, from);
  while (i !== -1) {
    // A single * must not be the first half of a ** (that closes bold, not italic).
    if (marker.length === 1 && src[i + 1] === marker) {
      i = src.indexOf(marker, i + 2);
      continue;
    }
    if (i > from && src[i - 1] !== ' ') return i;
    i = src.indexOf(marker, i + 1);
  }
  return -1;
}

/** Inline markup of one line (or list item). */
export function parseInline(src: string, styles: Style[] = []): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    push(out, plain, styles);
    plain = '';
  };
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    const prev = i > 0 ? src[i - 1] : ' ';
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        push(out, src.slice(i + 1, end), [...styles.filter((s) => s !== 'code'), 'code']);
        i = end + 1;
        continue;
      }
    }
    if (ch === '<') {
      const m = AT.exec(rest);
      if (m) {
        flush();
        out.push({ tag: 'at', user_id: m[1] as Extract<Inline, { tag: 'at' }>['user_id'], user_name: m[2] });
        i += m[0].length;
        continue;
      }
    }
    if (rest.startsWith('**') && rest[2] && rest[2] !== ' ') {
      const end = src.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push(...parseInline(src.slice(i + 2, end), styles.includes('bold') ? styles : [...styles, 'bold']));
        i = end + 2;
        continue;
      }
    }
    // `_` only at a word start, so snake_case names stay as they are.
    if ((ch === '*' || (ch === '_' && !/[\p{L}\p{N}]/u.test(prev))) && src[i + 1] && src[i + 1] !== ' ' && src[i + 1] !== ch) {
      const end = closing(src, i + 1, ch);
      if (end !== -1 && (ch !== '_' || !/[\p{L}\p{N}]/u.test(src[end + 1] ?? ''))) {
        flush();
        out.push(...parseInline(src.slice(i + 1, end), styles.includes('italic') ? styles : [...styles, 'italic']));
        i = end + 1;
        continue;
      }
    }
    if (ch === '[') {
      const m = LINK.exec(rest);
      if (m) {
        flush();
        out.push(styles.length ? { tag: 'a', text: m[1], href: m[2], style: [...styles] } : { tag: 'a', text: m[1], href: m[2] });
        i += m[0].length;
        continue;
      }
    }
    const bare =
      (ch === 'h' || ch === 'H') && !/[\p{L}\p{N}]/u.test(prev)
        ? BARE_URL.exec(rest)
        : (ch === 'w' || ch === 'W') && !/[\p{L}\p{N}.@/]/u.test(prev)
          ? BARE_WWW.exec(rest)
          : null;
    if (bare) {
      // Sentence punctuation after a link is not part of it; a www. host is reached over https.
      const url = bare[0].replace(/[.,;:!?)\]}'"。，、！？）]+$/u, '');
      const href = ch === 'h' || ch === 'H' ? url : `https://${url}`;
      flush();
      out.push(styles.length ? { tag: 'a', text: url, href, style: [...styles] } : { tag: 'a', text: url, href });
      i += url.length;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** The composer's text as `post` blocks: paragraphs (one per line), lists, code blocks, rules. */
export function markdownToPost(src: string): PostContent {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
      if (end !== -1) {
        const block: Block = { tag: 'code_block', text: lines.slice(i + 1, end).join('\n') };
        if (fence[1]) block.language = fence[1];
        blocks.push(block);
        i = end + 1;
        continue;
      }
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if ((bullet && !HR.test(line)) || numbered) {
      const ordered = Boolean(numbered);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      while (i < lines.length && !HR.test(lines[i])) {
        const m = pattern.exec(lines[i]);
        if (!m) break;
        items.push(parseInline(m[1]));
        i++;
      }
      blocks.push({ tag: 'list', ordered, items });
      continue;
    }
    if (HR.test(line)) {
      blocks.push({ tag: 'hr' });
      i++;
      continue;
    }
    blocks.push(parseInline(line));
    i++;
  }
  // Blank lines at either end carry nothing.
  while (blocks.length && Array.isArray(blocks[0]) && blocks[0].length === 0) blocks.shift();
  while (blocks.length && Array.isArray(blocks[blocks.length - 1]) && (blocks[blocks.length - 1] as Inline[]).length === 0)
    blocks.pop();
  return { content: blocks.length ? blocks : [[]] };
}

/** True when the text uses any markup beyond plain text and mentions: then it is sent as `post`. */
export function isRich(post: PostContent): boolean {
  return post.content.some((b) => {
    if (!Array.isArray(b)) return true;
    // A bare URL (or www. host) is not markup: a `text` message shows it as a link anyway.
    const bare = (e: { text: string; href: string }) => e.text === e.href || `https://${e.text}` === e.href;
    return b.some((e) => (e.tag === 'a' && (!bare(e) || e.style)) || (e.tag === 'text' && (e.style?.length ?? 0) > 0));
  });
}

/**
 * What the composer sends for `src`: a `text` message (mentions kept as <at> tags) when
 * there is no markup, a `post` otherwise.
 */
export function composeMessage(
  src: string,
): { kind: 'text'; content: { text: string } } | { kind: 'post'; content: PostContent } {
  const text = src.trim();
  const post = markdownToPost(text);
  return isRich(post) ? { kind: 'post', content: post } : { kind: 'text', content: { text } };
}

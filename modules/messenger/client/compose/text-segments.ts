/*
 * A `text` message as the reader sees it: plain runs, @mentions (<at user_id="…">Name</at>)
 * and http(s) and www. links. Rendered as React elements, never as HTML.
 */
export type Segment =
  | { type: 'text'; text: string }
  | { type: 'at'; userId: string; name: string }
  | { type: 'link'; href: string; text: string };

// A bare `www.` host links too (as https), unless it is part of a word, an address or a path.
const TOKEN =
  /<at user_id="(all|usr_[0-9A-HJKMNP-TV-Z]{26})">([^<]{0,100})<\/at>|https?:\/\/[^\s<>"]+|(?<![\p{L}\p{N}.@/])www\.[^\s<>".]+\.[^\s<>"]+/giu;

/** Splits a text message into plain text, mentions and links. */
export function textSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    let token = m[0];
    if (!m[1]) token = token.replace(/[.,;:!?)\]}'"。，、！？）]+$/u, '');
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    if (m[1]) out.push({ type: 'at', userId: m[1], name: m[2] });
    else out.push({ type: 'link', href: /^www\./i.test(token) ? `https://${token}` : token, text: token });
    last = at + token.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** The <at> tag the composer inserts for a person (or everyone: `all`). */
export function atTag(userId: string, name: string): string {
  return `<at user_id="${userId}">${name.replace(/[<>]/g, '').slice(0, 100)}</at>`;
}

/** The composer's text with each <at> tag shown as @Name, for the editable textarea. */
export function mentionsToDisplay(text: string): string {
  return text.replace(/<at user_id="[^"]+">([^<]*)<\/at>/g, '@$1');
}

/**
 * The textarea shows a picked mention as "@Name"; on send each "@Name" of a picked person
 * becomes an <at> tag. Longer names first, so "@Ada Lovelace" wins over "@Ada".
 */
export function applyMentions(text: string, picked: { userId: string; name: string }[]): string {
  const byName = [...new Map(picked.map((p) => [p.name, p])).values()].sort((a, b) => b.name.length - a.name.length);
  if (byName.length === 0) return text;
  const escaped = byName.map((p) => p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`@(${escaped.join('|')})`, 'g');
  return text.replace(re, (_, name: string) => {
    const p = byName.find((x) => x.name === name)!;
    return atTag(p.userId, p.name);
  });
}

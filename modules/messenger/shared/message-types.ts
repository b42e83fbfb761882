import { z } from 'zod';
import { idSchema } from '../../../platform/shared/ids.js';

/**
 * Message types. Content shapes follow the Lark/Feishu Open Platform where one exists
 * (`text` with `<at user_id="…">` mentions, `post` rich text, `image`, `file`), so the open
 * platform can pass them through unchanged. A type is validated by its zod schema: only known
 * tags and attributes survive, links must be http(s) or mailto — validation is the sanitizer.
 * Later modules add types (bot cards, calendar invites, OKR updates) by passing more
 * definitions to the messenger module in the composition root; nothing here changes.
 */
export interface MessageType<C = unknown> {
  kind: string;
  content: z.ZodType<C>;
  /** Plain text for previews, notifications and search. */
  toText(content: C): string;
  /** Users mentioned by the content (`all` for @all). */
  mentions?(content: C): string[];
  /** Files the content refers to; the sender must be able to read them, and chat members then may. */
  fileIds?(content: C): string[];
  /** False for types only the server creates (system notices). */
  userSendable?: boolean;
}

export function defineMessageType<C>(t: MessageType<C>): MessageType<C> {
  return t;
}

export const MAX_TEXT = 10_000;
/**
 * Distinct people (and @all) one message may mention. Beyond a few hundred a mention is a
 * broadcast: @all exists for that, with its own permission.
 */
export const MAX_MENTIONS = 200;

const AT = /<at user_id="(all|usr_[0-9A-HJKMNP-TV-Z]{26})">([^<]{0,100})<\/at>/g;
const safeUrl = z
  .string()
  .max(2000)
  .refine((u) => /^(https?:|mailto:)/i.test(u), 'only http(s) and mailto links');

export const textContent = z.strictObject({ text: z.string().min(1).max(MAX_TEXT) });

export const textType = defineMessageType({
  kind: 'text',
  content: textContent,
  toText: (c) => c.text.replace(AT, (_, _id, name) => `@${name}`),
  mentions: (c) => [...c.text.matchAll(AT)].map((m) => m[1]),
});

const style = z.array(z.enum(['bold', 'italic', 'underline', 'lineThrough', 'code'])).max(5);
export const postInline = z.discriminatedUnion('tag', [
  z.strictObject({ tag: z.literal('text'), text: z.string().max(MAX_TEXT), style: style.optional() }),
  z.strictObject({ tag: z.literal('a'), text: z.string().max(2000), href: safeUrl, style: style.optional() }),
  z.strictObject({
    tag: z.literal('at'),
    user_id: z.union([z.literal('all'), idSchema('usr')]),
    user_name: z.string().max(100).optional(),
  }),
  z.strictObject({ tag: z.literal('emotion'), emoji_type: z.string().max(40) }),
]);
/** A paragraph is a row of inline elements, or one block element. */
export const postBlock = z.union([
  z.array(postInline).max(500),
  z.strictObject({ tag: z.literal('code_block'), language: z.string().max(40).optional(), text: z.string().max(MAX_TEXT) }),
  z.strictObject({ tag: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(postInline).max(500)).max(200) }),
  z.strictObject({ tag: z.literal('hr') }),
]);
export const postContent = z.strictObject({
  title: z.string().max(200).optional(),
  content: z.array(postBlock).min(1).max(500),
});
type PostContent = z.infer<typeof postContent>;
type Inline = z.infer<typeof postInline>;

const inlineText = (row: Inline[]) =>
  row.map((e) => (e.tag === 'at' ? `@${e.user_name ?? ''}` : e.tag === 'emotion' ? `:${e.emoji_type}:` : e.text)).join('');

function postText(c: PostContent): string {
  const lines = c.content.map((b) => {
    if (Array.isArray(b)) return inlineText(b);
    if (b.tag === 'code_block') return b.text;
    if (b.tag === 'list') return b.items.map((i) => `• ${inlineText(i)}`).join('\n');
    return '—';
  });
  return [c.title, ...lines].filter(Boolean).join('\n');
}

export const postType = defineMessageType({
  kind: 'post',
  content: postContent.refine((c) => postText(c).length <= MAX_TEXT, `at most ${MAX_TEXT} characters`),
  toText: postText,
  mentions: (c) =>
    c.content.flatMap((b) => {
      const rows = Array.isArray(b) ? [b] : b.tag === 'list' ? b.items : [];
      return rows.flatMap((row) => row.filter((e) => e.tag === 'at').map((e) => (e as { user_id: string }).user_id));
    }),
});

export const imageType = defineMessageType({
  kind: 'image',
  content: z.strictObject({ file_key: idSchema('fil') }),
  toText: () => '[image]',
  fileIds: (c) => [c.file_key],
});

export const fileType = defineMessageType({
  kind: 'file',
  content: z.strictObject({ file_key: idSchema('fil') }),
  toText: () => '[file]',
  fileIds: (c) => [c.file_key],
});

/** Notices the server writes into a chat (member joined, name changed …); clients localize `event`. */
export const systemType = defineMessageType({
  kind: 'system',
  content: z.strictObject({ event: z.string().max(60), params: z.record(z.string(), z.string().max(200)).optional() }),
  toText: (c) => c.event,
  userSendable: false,
});

export const builtInMessageTypes: MessageType[] = [textType, postType, imageType, fileType, systemType] as MessageType[];

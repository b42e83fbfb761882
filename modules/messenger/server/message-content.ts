import type { z } from 'zod';
import { AppError } from '../../../platform/shared/errors.js';
import { messengerErrors } from '../shared/errors.js';
import { MAX_MENTIONS, MAX_TEXT, type MessageType } from '../shared/message-types.js';
import type { MessageTypeRegistry } from './message-type-registry.js';

export interface CheckedContent {
  type: MessageType;
  /** The parsed content: only what the kind's schema knows survives (validation is the sanitizer). */
  content: unknown;
  text: string;
  mentions: string[];
  fileIds: string[];
}

function isTooLong(issues: z.core.$ZodIssue[]): boolean {
  return issues.some(
    (i) =>
      (i.code === 'too_big' && Number(i.maximum) >= MAX_TEXT) ||
      (i.code === 'custom' && i.message.includes(`${MAX_TEXT} characters`)) ||
      ((i.code === 'invalid_union' || i.code === 'invalid_element') &&
        'errors' in i &&
        Array.isArray(i.errors) &&
        i.errors.some((e) => Array.isArray(e) && isTooLong(e))),
  );
}

/**
 * Checks a message's kind and content: unknown (or server-only) kinds, content that does not
 * match the kind's schema, text beyond MAX_TEXT characters and more than MAX_MENTIONS distinct
 * mentions are refused with distinct codes.
 */
export function checkContent(
  registry: MessageTypeRegistry,
  kind: string,
  content: unknown,
  options: { allowServerKinds?: boolean } = {},
): CheckedContent {
  const type = registry.get(kind);
  if (!type || (type.userSendable === false && !options.allowServerKinds)) {
    throw new AppError(messengerErrors['message.unknown_kind'], { params: { kind: kind.slice(0, 40) } });
  }
  const parsed = type.content.safeParse(content);
  if (!parsed.success) {
    if (isTooLong(parsed.error.issues)) throw new AppError(messengerErrors['message.too_long'], { params: { max: MAX_TEXT } });
    throw new AppError(messengerErrors['message.invalid_content'], {
      details: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const text = type.toText(parsed.data);
  if (text.length > MAX_TEXT) throw new AppError(messengerErrors['message.too_long'], { params: { max: MAX_TEXT } });
  const mentions = [...new Set(type.mentions?.(parsed.data) ?? [])];
  if (mentions.length > MAX_MENTIONS) {
    throw new AppError(messengerErrors['message.too_many_mentions'], { params: { max: MAX_MENTIONS } });
  }
  const fileIds = [...new Set(type.fileIds?.(parsed.data) ?? [])];
  return { type, content: parsed.data, text, mentions, fileIds };
}

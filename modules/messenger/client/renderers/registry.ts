import type { ComponentType } from 'react';
import type { MessageView } from '../../shared/types.js';
import { builtInRenderers } from './builtin.js';

/** What a renderer gets: the message (never recalled; the core shows that placeholder itself). */
export interface MessageRendererProps {
  message: MessageView;
  /** The reader's own id, for "mine" highlights. */
  me: string;
}

/**
 * How one message kind looks in a conversation. Later modules (bot cards, calendar invites,
 * OKR updates) pass their renderers to `registerMessageRenderers` from the web app's
 * composition root (apps/web/src/modules.ts), next to their server-side message type;
 * the conversation view never changes for a new kind.
 */
export interface MessageRenderer {
  kind: string;
  Component: ComponentType<MessageRendererProps>;
  /** Whether the message sits in a chat bubble (text) or stands on its own (images, cards). */
  bare?: boolean;
}

const renderers = new Map<string, MessageRenderer>(builtInRenderers.map((r) => [r.kind, r]));

export function registerMessageRenderers(list: MessageRenderer[]): void {
  for (const r of list) renderers.set(r.kind, r);
}

/** The renderer of a kind, or undefined: the core then shows a neutral placeholder. */
export function rendererFor(kind: string): MessageRenderer | undefined {
  return renderers.get(kind);
}

import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/types.js';
import { addPending, forgetChat, getTimeline, type PendingMessage, upsertMessage } from './timeline.js';

const CHAT = 'chat_01J0000000000000000000TEST';

function saved(over: Partial<MessageView>): MessageView {
  return {
    id: 'msg_01J0000000000000000000REPL',
    chatId: CHAT,
    seq: 7,
    senderId: 'usr_01J00000000000000000000BOB',
    clientId: 'c-1',
    kind: 'text',
    content: { text: 'I do' },
    text: 'I do',
    mentions: [],
    replyTo: null,
    threadRootId: null,
    threadReplyCount: 0,
    threadLastReplyAt: null,
    forwardedFrom: null,
    reactions: [],
    pinned: false,
    createdAt: new Date().toISOString(),
    editedAt: null,
    recalled: false,
    ...over,
  } as MessageView;
}

function pending(over: Partial<PendingMessage>): PendingMessage {
  return {
    clientId: 'c-1',
    kind: 'text',
    content: { text: 'I do' },
    text: 'I do',
    replyTo: null,
    threadRootId: null,
    status: 'sending',
    createdAt: new Date().toISOString(),
    ...over,
  };
}

describe('the "sending" copy of a message', () => {
  it('leaves when the saved thread reply arrives (it used to stay next to it until a reload)', () => {
    forgetChat(CHAT);
    addPending(CHAT, pending({ threadRootId: 'msg_01J0000000000000000000ROOT' }));
    upsertMessage(saved({ threadRootId: 'msg_01J0000000000000000000ROOT' }));
    expect(getTimeline(CHAT).pending).toEqual([]);
  });

  it('leaves when the saved message arrives before the chat was ever loaded', () => {
    forgetChat(CHAT);
    addPending(CHAT, pending({}));
    upsertMessage(saved({}));
    expect(getTimeline(CHAT).pending).toEqual([]);
  });

  it('keeps the other sends pending', () => {
    forgetChat(CHAT);
    addPending(CHAT, pending({ threadRootId: 'msg_01J0000000000000000000ROOT' }));
    addPending(CHAT, pending({ clientId: 'c-2', threadRootId: 'msg_01J0000000000000000000ROOT' }));
    upsertMessage(saved({ threadRootId: 'msg_01J0000000000000000000ROOT' }));
    expect(getTimeline(CHAT).pending.map((p) => p.clientId)).toEqual(['c-2']);
  });
});

import { z } from 'zod';
import { defineErrors } from './errors.js';

/**
 * The realtime wire protocol, shared by the hub (platform/server/realtime) and the client
 * (platform/client/ws-client.ts). One WebSocket at `GET /api/ws`, JSON text frames.
 */
export const REALTIME_PATH = '/api/ws';

/** `<prefix>:<id>`: the prefix picks the module's authorizer, the id is what it checks. */
export const TOPIC_PATTERN = /^([a-z][a-z0-9_]{0,31}):([A-Za-z0-9_.:-]{1,160})$/;

/** Largest client message the hub reads; subscribe/unsubscribe/ping are far smaller. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** Topics one socket may hold at once; a web client needs tens, not thousands. */
export const MAX_TOPICS_PER_SOCKET = 1000;

export const clientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('subscribe'),
    topic: z.string().regex(TOPIC_PATTERN),
    /** The last sequence number the client saw on this topic (after a reconnect). */
    lastSeq: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('unsubscribe'), topic: z.string().regex(TOPIC_PATTERN) }),
  z.object({ type: z.literal('ping') }),
  /**
   * Whether the person is at this client: `idle` after minutes without input, `active` on the
   * next input. Sent on transitions only, never per keystroke (docs/adr/0014-presence-and-typing.md).
   */
  z.object({ type: z.literal('presence'), state: z.enum(['active', 'idle']) }),
  /** "I am typing" in a topic this socket follows; relayed as an ephemeral `signal`, at most one per few seconds. */
  z.object({ type: z.literal('typing'), topic: z.string().regex(TOPIC_PATTERN) }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

/**
 * What the server sends. `seq` is per topic, shared by every node, +1 per publish. `epoch`
 * names the numbering: a different epoch means the numbers started again from 0 (server
 * restarted, Redis lost its data), so a client's earlier numbers compare with nothing.
 */
export type ServerMessage =
  | { type: 'subscribed'; topic: string; seq: number; epoch: string }
  | { type: 'event'; topic: string; seq: number; epoch: string; data: unknown }
  | { type: 'error'; topic?: string; code: RealtimeErrorCode }
  | { type: 'revoked'; topic: string }
  /**
   * Ephemeral: relayed to the topic's current subscribers and lost otherwise. It has no `seq`,
   * so it never shifts the numbering clients detect gaps with.
   */
  | { type: 'signal'; topic: string; data: SignalData }
  | { type: 'pong' };

/** What an ephemeral signal says. Only typing today. */
export type SignalData = { kind: 'typing'; userId: string };

/** The `presence:<userId>` topic's events (numbered like any event; a gap means refetch). */
export type PresenceEvent =
  | { type: 'presence.changed'; userId: string; status: ConnectionStatus }
  /** Do-not-disturb or its schedule changed: refetch the person's presence. */
  | { type: 'presence.settings'; userId: string };

/** Whether someone is at a client: any active socket, only idle ones, none. */
export type ConnectionStatus = 'online' | 'away' | 'offline';

/**
 * Close codes (4000–4999 are the application's). `disconnected`: the server ended the
 * socket (session or access token revoked, member deactivated, password changed elsewhere);
 * the client reconnects once and the credential check decides. `rateLimited`: the socket
 * sent more frames than its budget (docs/adr/0004-realtime-hub.md); the client reconnects
 * with back-off. `unauthorized`/`token_scope` are final.
 */
export const CLOSE_CODES = {
  disconnected: 4000,
  slowConsumer: 4008,
  rateLimited: 4029,
  unauthorized: 4401,
  tokenScope: 4403,
} as const;

/** Stable codes of `{type:'error'}` messages and close reasons. */
export const realtimeErrors = defineErrors({
  'realtime.bad_message': {
    status: 400,
    'en-US': 'The realtime message could not be understood.',
    'zh-CN': '无法识别该实时消息。',
    'ja-JP': 'リアルタイムメッセージを解釈できませんでした。',
  },
  'realtime.forbidden': {
    status: 403,
    'en-US': 'You cannot follow updates of this item.',
    'zh-CN': '你无权接收该内容的实时更新。',
    'ja-JP': 'この項目の更新を受け取る権限がありません。',
  },
  'realtime.too_many_topics': {
    status: 429,
    'en-US': 'This connection follows too many items at once.',
    'zh-CN': '此连接同时订阅的内容过多。',
    'ja-JP': 'この接続で同時に購読している項目が多すぎます。',
  },
  'realtime.unauthorized': {
    status: 401,
    'en-US': 'Please sign in to receive live updates.',
    'zh-CN': '请登录后接收实时更新。',
    'ja-JP': 'ライブ更新を受け取るにはログインしてください。',
  },
  'realtime.token_scope': {
    status: 403,
    'en-US': 'This access token cannot read live updates.',
    'zh-CN': '该访问令牌无权读取实时更新。',
    'ja-JP': 'このアクセストークンではライブ更新を読み取れません。',
  },
  'realtime.disconnected': {
    status: 409,
    'en-US': 'The live connection was ended by the server.',
    'zh-CN': '实时连接已被服务器断开。',
    'ja-JP': 'ライブ接続はサーバーによって切断されました。',
  },
  'realtime.slow_consumer': {
    status: 503,
    'en-US': 'The live connection fell too far behind and was reset.',
    'zh-CN': '实时连接积压过多，已重置。',
    'ja-JP': 'ライブ接続の遅延が大きすぎたためリセットされました。',
  },
  'realtime.rate_limited': {
    status: 429,
    'en-US': 'The live connection sent too many messages and was closed.',
    'zh-CN': '实时连接发送的消息过多，已被关闭。',
    'ja-JP': 'ライブ接続から送信されたメッセージが多すぎるため、切断されました。',
  },
  'realtime.internal': {
    status: 500,
    'en-US': 'Live updates failed on the server. Please retry.',
    'zh-CN': '服务器实时更新出错，请重试。',
    'ja-JP': 'サーバーでライブ更新に失敗しました。再試行してください。',
  },
});
export type RealtimeErrorCode = keyof typeof realtimeErrors;

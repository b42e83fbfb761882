import type { Locale } from './i18n.js';

/**
 * A stable error: its code never changes once shipped (clients branch on it), its HTTP
 * status, and its message in every supported locale, kept side by side so none goes missing.
 */
export type ErrorSpec<C extends string = string> = { code: C; status: number } & Record<Locale, string>;

/** Declares a module's error codes. Messages may use `{{name}}` placeholders filled from params. */
export function defineErrors<const T extends Record<string, Omit<ErrorSpec, 'code'>>>(
  specs: T,
): { [K in keyof T & string]: ErrorSpec<K> } {
  const out: Record<string, ErrorSpec> = {};
  for (const [code, spec] of Object.entries(specs)) out[code] = { ...spec, code };
  return out as { [K in keyof T & string]: ErrorSpec<K> };
}

/** The one error type use cases throw; the HTTP layer turns it into the error envelope. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly spec: ErrorSpec;
  readonly params: Record<string, unknown>;
  readonly details?: unknown;

  constructor(spec: ErrorSpec, options: { params?: Record<string, unknown>; details?: unknown } = {}) {
    super(spec['en-US']);
    this.name = 'AppError';
    this.spec = spec;
    this.code = spec.code;
    this.status = spec.status;
    this.params = options.params ?? {};
    this.details = options.details;
  }

  /** The message in the reader's language, placeholders filled. */
  localized(locale: Locale): string {
    return this.spec[locale].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(this.params[name] ?? ''));
  }
}

/** The error envelope every endpoint returns on failure. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
}

/** Codes the platform itself raises; modules define their own with their prefix. */
export const platformErrors = defineErrors({
  'request.validation_failed': {
    status: 400,
    'en-US': 'Some fields are missing or invalid.',
    'zh-CN': '部分字段缺失或无效。',
    'ja-JP': '一部の項目が未入力または無効です。',
  },
  'request.malformed': {
    status: 400,
    'en-US': 'The request could not be read: its address or headers are malformed.',
    'zh-CN': '无法读取该请求：地址或请求头格式有误。',
    'ja-JP': 'リクエストを読み取れません。アドレスまたはヘッダーの形式が正しくありません。',
  },
  'request.timeout': {
    status: 408,
    'en-US': 'The request took too long to arrive.',
    'zh-CN': '请求发送超时。',
    'ja-JP': 'リクエストの受信がタイムアウトしました。',
  },
  'request.malformed_json': {
    status: 400,
    'en-US': 'The request body is not valid JSON.',
    'zh-CN': '请求内容不是有效的 JSON。',
    'ja-JP': 'リクエスト本文が有効な JSON ではありません。',
  },
  'request.too_large': {
    status: 413,
    'en-US': 'The request is too large.',
    'zh-CN': '请求内容过大。',
    'ja-JP': 'リクエストが大きすぎます。',
  },
  'request.unsupported_media_type': {
    status: 415,
    'en-US': 'This content type is not accepted here.',
    'zh-CN': '不支持该内容类型。',
    'ja-JP': 'このコンテンツタイプは受け付けられません。',
  },
  'request.rate_limited': {
    status: 429,
    'en-US': 'Too many requests. Please wait a moment and try again.',
    'zh-CN': '请求过于频繁，请稍后再试。',
    'ja-JP': 'リクエストが多すぎます。しばらくしてから再度お試しください。',
  },
  'route.not_found': {
    status: 404,
    'en-US': 'There is no such endpoint.',
    'zh-CN': '接口不存在。',
    'ja-JP': 'そのエンドポイントは存在しません。',
  },
  'auth.required': {
    status: 401,
    'en-US': 'Please sign in first.',
    'zh-CN': '请先登录。',
    'ja-JP': '先にログインしてください。',
  },
  'auth.forbidden': {
    status: 403,
    'en-US': 'You do not have permission to do this.',
    'zh-CN': '你没有执行此操作的权限。',
    'ja-JP': 'この操作を行う権限がありません。',
  },
  'auth.origin_mismatch': {
    status: 403,
    'en-US': 'The request came from another site and was refused.',
    'zh-CN': '请求来自其他站点，已被拒绝。',
    'ja-JP': '別のサイトからのリクエストのため拒否されました。',
  },
  'auth.token_scope': {
    status: 403,
    'en-US': 'This access token does not have the "{{scope}}" scope.',
    'zh-CN': '该访问令牌没有“{{scope}}”权限范围。',
    'ja-JP': 'このアクセストークンには「{{scope}}」スコープがありません。',
  },
  internal: {
    status: 500,
    'en-US': 'Something went wrong on the server. The error has been logged.',
    'zh-CN': '服务器出错了，错误已记录。',
    'ja-JP': 'サーバーでエラーが発生しました。エラーは記録されています。',
  },
  unavailable: {
    status: 503,
    'en-US': 'The server is shutting down. Please retry in a moment.',
    'zh-CN': '服务器正在关闭，请稍后重试。',
    'ja-JP': 'サーバーを停止しています。しばらくしてから再試行してください。',
  },
});

import { defineErrors } from '../../../platform/shared/errors.js';

export const accountsErrors = defineErrors({
  'auth.invalid_credentials': {
    status: 401,
    'en-US': 'The email or password is wrong.',
    'zh-CN': '邮箱或密码错误。',
    'ja-JP': 'メールアドレスまたはパスワードが正しくありません。',
  },
  'auth.too_many_attempts': {
    status: 429,
    'en-US': 'Too many failed sign-ins. Try again in {{minutes}} minutes.',
    'zh-CN': '登录失败次数过多，请 {{minutes}} 分钟后再试。',
    'ja-JP': 'ログインの失敗が多すぎます。{{minutes}} 分後に再度お試しください。',
  },
  'auth.deactivated': {
    status: 403,
    'en-US': 'This account has been deactivated. Ask an administrator.',
    'zh-CN': '该账号已被停用，请联系管理员。',
    'ja-JP': 'このアカウントは無効化されています。管理者にお問い合わせください。',
  },
  'auth.wrong_password': {
    status: 400,
    'en-US': 'The current password is wrong.',
    'zh-CN': '当前密码错误。',
    'ja-JP': '現在のパスワードが正しくありません。',
  },
  'auth.session_not_found': {
    status: 404,
    'en-US': 'This session does not exist or has ended.',
    'zh-CN': '该会话不存在或已结束。',
    'ja-JP': 'このセッションは存在しないか、終了しています。',
  },
  'auth.admin_scope_forbidden': {
    status: 403,
    'en-US': 'Only administrators can give an access token the Admin scope.',
    'zh-CN': '只有管理员可以为访问令牌授予“管理”权限范围。',
    'ja-JP': 'アクセストークンに「管理」スコープを付与できるのは管理者だけです。',
  },
  'auth.token_not_found': {
    status: 404,
    'en-US': 'This access token does not exist.',
    'zh-CN': '该访问令牌不存在。',
    'ja-JP': 'このアクセストークンは存在しません。',
  },
  'invite.invalid': {
    status: 410,
    'en-US': 'This invite link is invalid, used or expired. Ask for a new one.',
    'zh-CN': '邀请链接无效、已被使用或已过期，请重新获取。',
    'ja-JP': 'この招待リンクは無効、使用済み、または期限切れです。新しいリンクを依頼してください。',
  },
  'invite.email_mismatch': {
    status: 400,
    'en-US': 'This invite is for another email address.',
    'zh-CN': '该邀请属于另一个邮箱地址。',
    'ja-JP': 'この招待は別のメールアドレス宛てです。',
  },
  'invite.not_found': {
    status: 404,
    'en-US': 'This invite does not exist.',
    'zh-CN': '该邀请不存在。',
    'ja-JP': 'この招待は存在しません。',
  },
});

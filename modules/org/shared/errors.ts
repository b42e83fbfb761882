import { defineErrors } from '../../../platform/shared/errors.js';

export const orgErrors = defineErrors({
  'org.email_taken': {
    status: 409,
    'en-US': 'Somebody in the organization already uses this email.',
    'zh-CN': '组织中已有成员使用此邮箱。',
    'ja-JP': 'このメールアドレスは組織内で既に使われています。',
  },
  'org.member_not_found': {
    status: 404,
    'en-US': 'This member does not exist.',
    'zh-CN': '该成员不存在。',
    'ja-JP': 'このメンバーは存在しません。',
  },
  'org.department_not_found': {
    status: 404,
    'en-US': 'This department does not exist.',
    'zh-CN': '该部门不存在。',
    'ja-JP': 'この部署は存在しません。',
  },
  'org.department_not_empty': {
    status: 409,
    'en-US': 'Only an empty department can be deleted: move its members and sub-departments first.',
    'zh-CN': '只能删除空部门：请先移走其成员和子部门。',
    'ja-JP': '空の部署のみ削除できます。先にメンバーと下位部署を移動してください。',
  },
  'org.department_cycle': {
    status: 409,
    'en-US': 'A department cannot be moved under itself or one of its sub-departments.',
    'zh-CN': '不能把部门移动到它自身或其子部门之下。',
    'ja-JP': '部署を自身またはその下位部署の下に移動することはできません。',
  },
  'org.already_set_up': {
    status: 409,
    'en-US': 'This Skein has already been set up.',
    'zh-CN': '此 Skein 已完成初始化。',
    'ja-JP': 'この Skein はすでにセットアップ済みです。',
  },
  'org.not_set_up': {
    status: 409,
    'en-US': 'This Skein has not been set up yet.',
    'zh-CN': '此 Skein 尚未初始化。',
    'ja-JP': 'この Skein はまだセットアップされていません。',
  },
  'org.last_admin': {
    status: 409,
    'en-US': 'The organization needs at least one active administrator.',
    'zh-CN': '组织至少需要一位有效的管理员。',
    'ja-JP': '組織には少なくとも一人の有効な管理者が必要です。',
  },
});

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
  'org.department_name_taken': {
    status: 409,
    'en-US': 'A department with this name already exists at this place in the tree.',
    'zh-CN': '同一上级部门下已有同名部门。',
    'ja-JP': '同じ上位部署に同じ名前の部署が既にあります。',
  },
  'org.manager_cycle': {
    status: 409,
    'en-US': 'A person cannot report to themselves or to somebody who reports to them.',
    'zh-CN': '成员不能向自己或其下属汇报。',
    'ja-JP': '自分自身や自分の部下を上長にすることはできません。',
  },
  'org.primary_department_invalid': {
    status: 400,
    'en-US': "The primary department must be one of the member's departments.",
    'zh-CN': '主部门必须是该成员所属的部门之一。',
    'ja-JP': '主所属は、そのメンバーの所属部署のいずれかである必要があります。',
  },
  'org.avatar_missing': {
    status: 400,
    'en-US': 'Choose an image file to upload.',
    'zh-CN': '请选择要上传的图片文件。',
    'ja-JP': 'アップロードする画像ファイルを選択してください。',
  },
  'org.avatar_not_image': {
    status: 415,
    'en-US': 'An avatar must be a PNG, JPEG, WebP or GIF image.',
    'zh-CN': '头像必须是 PNG、JPEG、WebP 或 GIF 图片。',
    'ja-JP': 'アバターは PNG、JPEG、WebP、GIF のいずれかの画像である必要があります。',
  },
  'org.avatar_too_large': {
    status: 413,
    'en-US': 'An avatar may be at most 5 MB.',
    'zh-CN': '头像不能超过 5 MB。',
    'ja-JP': 'アバターは 5 MB 以下にしてください。',
  },
  'org.avatar_not_found': {
    status: 404,
    'en-US': 'This member has no avatar.',
    'zh-CN': '该成员没有头像。',
    'ja-JP': 'このメンバーにはアバターがありません。',
  },
});

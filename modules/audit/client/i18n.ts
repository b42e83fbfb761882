import type { Catalogs } from '../../../platform/shared/i18n.js';

/** Strings of the audit log tab of the admin console. */
const en = {
  tab: 'Audit log',
  filters: { actor: 'Anyone', action: 'Any action', from: 'From', to: 'To' },
  export: 'Export CSV',
  zoneNote: 'Times and dates in {{zone}} (your profile’s time zone).',
  empty: 'No recorded actions match.',
  more: 'Show older',
  system: 'System',
  cols: { time: 'Time', actor: 'Who', action: 'Action', target: 'On', details: 'Details', ip: 'IP address' },
  actions: {
    'organization.set_up': 'Organization set up',
    'invite.created': 'Invite created',
    'invite.revoked': 'Invite revoked',
    'department.created': 'Department created',
    'department.updated': 'Department changed',
    'department.deleted': 'Department deleted',
    'member.profile_updated': 'Profile edited',
    'member.deactivated': 'Member deactivated',
    'member.reactivated': 'Member reactivated',
    'roles.changed': 'Roles changed',
  },
};

export type AuditCatalog = typeof en;

export const auditCatalogs: Catalogs<AuditCatalog> = {
  'en-US': en,
  'zh-CN': {
    tab: '审计日志',
    filters: { actor: '所有人', action: '所有操作', from: '开始日期', to: '结束日期' },
    export: '导出 CSV',
    zoneNote: '时间和日期按 {{zone}}（你的个人资料时区）显示。',
    empty: '没有符合条件的操作记录。',
    more: '查看更早的记录',
    system: '系统',
    cols: { time: '时间', actor: '操作人', action: '操作', target: '对象', details: '详情', ip: 'IP 地址' },
    actions: {
      'organization.set_up': '创建组织',
      'invite.created': '创建邀请',
      'invite.revoked': '撤销邀请',
      'department.created': '新建部门',
      'department.updated': '修改部门',
      'department.deleted': '删除部门',
      'member.profile_updated': '编辑资料',
      'member.deactivated': '停用成员',
      'member.reactivated': '恢复成员',
      'roles.changed': '变更角色',
    },
  },
  'ja-JP': {
    tab: '監査ログ',
    filters: { actor: 'すべての人', action: 'すべての操作', from: '開始日', to: '終了日' },
    export: 'CSV をエクスポート',
    zoneNote: '日時は {{zone}}（プロフィールのタイムゾーン）で表示しています。',
    empty: '条件に合う操作の記録はありません。',
    more: 'さらに古い記録',
    system: 'システム',
    cols: { time: '日時', actor: '操作者', action: '操作', target: '対象', details: '詳細', ip: 'IP アドレス' },
    actions: {
      'organization.set_up': '組織を作成',
      'invite.created': '招待を作成',
      'invite.revoked': '招待を取り消し',
      'department.created': '部署を作成',
      'department.updated': '部署を変更',
      'department.deleted': '部署を削除',
      'member.profile_updated': 'プロフィールを編集',
      'member.deactivated': 'メンバーを無効化',
      'member.reactivated': 'メンバーを再有効化',
      'roles.changed': 'ロールを変更',
    },
  },
};

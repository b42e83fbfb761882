import type { Catalogs } from '../../shared/i18n.js';

/** Presence and typing strings (namespace `presence`, loaded by the presence client module). */
const en = {
  status: {
    online: 'Online',
    away: 'Away',
    offline: 'Offline',
    dnd: 'Do not disturb',
    dndUntil: 'Do not disturb until {{time}}',
    meeting: 'In a meeting',
  },
  typing: {
    one: '{{name}} is typing…',
    two: '{{first}} and {{second}} are typing…',
    many: '{{name}} and {{count}} others are typing…',
    someone: 'Someone',
  },
  menu: {
    entry: 'Status',
    title: 'My status',
    automatic: 'Automatic',
    automaticHint: 'Online while you use Skein, away after 5 minutes without input.',
    dndNow: 'Do not disturb',
    dndHint: 'You get no desktop notifications; others see that you do not want to be disturbed.',
    for: 'For',
    durations: { m30: '30 minutes', h1: '1 hour', h2: '2 hours', tomorrow: 'Until tomorrow 9:00', off: 'Until I turn it off' },
    schedule: 'Do not disturb every day',
    from: 'From',
    to: 'To',
    zone: 'Times in {{zone}} (your profile’s time zone).',
    save: 'Save',
    saved: 'Status saved',
  },
};

export type PresenceCatalog = typeof en;

export const presenceCatalogs: Catalogs<PresenceCatalog> = {
  'en-US': en,
  'zh-CN': {
    status: {
      online: '在线',
      away: '离开',
      offline: '离线',
      dnd: '请勿打扰',
      dndUntil: '请勿打扰，至 {{time}}',
      meeting: '会议中',
    },
    typing: {
      one: '{{name}} 正在输入…',
      two: '{{first}} 和 {{second}} 正在输入…',
      many: '{{name}} 等 {{count}} 人正在输入…',
      someone: '有人',
    },
    menu: {
      entry: '状态',
      title: '我的状态',
      automatic: '自动',
      automaticHint: '使用 Skein 时显示在线，5 分钟无操作后显示离开。',
      dndNow: '请勿打扰',
      dndHint: '不会收到桌面通知；其他人会看到你不希望被打扰。',
      for: '持续',
      durations: { m30: '30 分钟', h1: '1 小时', h2: '2 小时', tomorrow: '至明天 9:00', off: '直到我手动关闭' },
      schedule: '每天定时免打扰',
      from: '从',
      to: '至',
      zone: '时间按 {{zone}}（你资料中的时区）计算。',
      save: '保存',
      saved: '状态已保存',
    },
  },
  'ja-JP': {
    status: {
      online: 'オンライン',
      away: '離席中',
      offline: 'オフライン',
      dnd: 'おやすみモード',
      dndUntil: '{{time}} までおやすみモード',
      meeting: '会議中',
    },
    typing: {
      one: '{{name}} さんが入力中…',
      two: '{{first}} さんと {{second}} さんが入力中…',
      many: '{{name}} さんほか {{count}} 人が入力中…',
      someone: '誰か',
    },
    menu: {
      entry: 'ステータス',
      title: 'マイステータス',
      automatic: '自動',
      automaticHint: 'Skein の利用中はオンライン、5 分間操作がないと離席中になります。',
      dndNow: 'おやすみモード',
      dndHint: 'デスクトップ通知が届かなくなり、他の人には邪魔されたくないことが表示されます。',
      for: '期間',
      durations: { m30: '30 分', h1: '1 時間', h2: '2 時間', tomorrow: '明日 9:00 まで', off: '自分でオフにするまで' },
      schedule: '毎日決まった時間におやすみモード',
      from: '開始',
      to: '終了',
      zone: '時刻は {{zone}}（プロフィールのタイムゾーン）で指定します。',
      save: '保存',
      saved: 'ステータスを保存しました',
    },
  },
};

import { defineErrors } from '../../../platform/shared/errors.js';

export const presenceErrors = defineErrors({
  'presence.dnd_in_past': {
    status: 400,
    'en-US': 'Do not disturb must end in the future.',
    'zh-CN': '免打扰的结束时间必须晚于现在。',
    'ja-JP': 'おやすみモードの終了時刻は未来に設定してください。',
  },
});

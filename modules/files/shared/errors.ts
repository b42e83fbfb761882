import { defineErrors } from '../../../platform/shared/errors.js';

export const filesErrors = defineErrors({
  // One answer for "missing", "deleted" and "not yours": a reader must not learn that a file exists.
  'file.not_found': {
    status: 404,
    'en-US': 'This file does not exist or you cannot open it.',
    'zh-CN': '该文件不存在或你无权打开。',
    'ja-JP': 'このファイルは存在しないか、開く権限がありません。',
  },
  'file.missing': {
    status: 400,
    'en-US': 'No file was attached to the upload.',
    'zh-CN': '上传内容中没有文件。',
    'ja-JP': 'アップロードにファイルが添付されていません。',
  },
  'file.malformed_upload': {
    status: 400,
    'en-US': 'The upload was cut off or is not valid multipart/form-data. Please try again.',
    'zh-CN': '上传内容不完整或不是有效的 multipart/form-data，请重试。',
    'ja-JP': 'アップロードが途中で切れたか、有効な multipart/form-data ではありません。もう一度お試しください。',
  },
  'file.empty': {
    status: 400,
    'en-US': 'The file is empty.',
    'zh-CN': '文件为空。',
    'ja-JP': 'ファイルが空です。',
  },
  'file.type_refused': {
    status: 415,
    'en-US': 'Programs ({{type}}) cannot be uploaded. Put them in an archive if you must share them.',
    'zh-CN': '不能上传可执行程序（{{type}}）。如需分享，请先打包为压缩文件。',
    'ja-JP': '実行ファイル（{{type}}）はアップロードできません。共有する場合はアーカイブにまとめてください。',
  },
  'file.not_owner': {
    status: 403,
    'en-US': 'Only the person who uploaded this file can do that.',
    'zh-CN': '只有上传该文件的人才能执行此操作。',
    'ja-JP': 'この操作はファイルをアップロードした人だけが行えます。',
  },
});

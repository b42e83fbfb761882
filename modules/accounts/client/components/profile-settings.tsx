import { useQueryClient } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Typography, Upload } from 'antd';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, queryKeyOf, useApiMutation } from '../../../../platform/client/api.js';
import { switchLanguage } from '../../../../platform/client/i18n.js';
import { PersonAvatar } from '../../../../platform/client/person-card.js';
import { LocaleSelect } from '../../../../platform/client/ui/locale-select.js';
import { TimeZoneSelect } from '../../../../platform/client/ui/timezone-select.js';
import { ApiError } from '../../../../platform/shared/api-client.js';
import { AVATAR_TYPES, updateMyProfile, uploadMyAvatar } from '../../../org/shared/contract.js';
import type { MemberView } from '../../../org/shared/types.js';
import { getMe } from '../../shared/contract.js';

/** Multipart upload: the typed client sends JSON, so the avatar goes through fetch directly. */
async function uploadAvatar(file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(uploadMyAvatar.path, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': i18next.language },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => undefined);
    throw new ApiError(res.status, body?.error?.code ?? 'http.unknown', body?.error?.message ?? res.statusText);
  }
}

/** Name, avatar, interface language and time zone; the language applies as soon as it is saved. */
export function ProfileSettings(props: { user: MemberView }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const save = useApiMutation(updateMyProfile, {
    invalidates: [getMe],
    onSuccess: async (user) => {
      await switchLanguage(user.locale);
      message.success(i18next.t('common:states.saved'));
    },
  });
  const qc = useQueryClient();
  const { user } = props;
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 24 }}>
        <PersonAvatar userId={user.id} name={user.displayName} avatarUrl={user.avatarUrl} size={64} static />
        <Upload
          accept={AVATAR_TYPES.join(',')}
          showUploadList={false}
          customRequest={async ({ file }) => {
            setUploading(true);
            try {
              await uploadAvatar(file as File);
              await qc.invalidateQueries({ queryKey: queryKeyOf(getMe) });
            } catch (err) {
              message.error(errorMessage(err));
            } finally {
              setUploading(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading}>
            {t('profile.avatar')}
          </Button>
        </Upload>
      </Flex>
      <Form
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 480 }}
        initialValues={{ displayName: user.displayName, locale: user.locale, timezone: user.timezone }}
        onFinish={(body) => save.mutate({ body })}
      >
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="profile-display-name" />
        </Form.Item>
        <Form.Item name="locale" label={t('profile.language')} rules={[{ required: true }]}>
          <LocaleSelect testId="profile-locale" />
        </Form.Item>
        <Form.Item name="timezone" label={t('common:fields.timezone')} rules={[{ required: true }]}>
          <TimeZoneSelect testId="profile-timezone" />
        </Form.Item>
        {save.error ? <Typography.Paragraph type="danger">{errorMessage(save.error)}</Typography.Paragraph> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-save">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

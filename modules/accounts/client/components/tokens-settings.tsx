import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../platform/client/api.js';
import { formatDateTime } from '../../../../platform/client/format.js';
import { useLocale } from '../../../../platform/client/i18n.js';
import { CopyButton } from '../../../../platform/client/ui/copy-button.js';
import { CreateThenRevealModal } from '../../../../platform/client/ui/create-then-reveal-modal.js';
import { RowList } from '../../../../platform/client/ui/row-list.js';
import { createToken, listTokens, revokeToken } from '../../shared/contract.js';
import { grantableScopes } from '../../shared/token-scopes.js';

/**
 * Personal access tokens: create (the secret is shown once, here), list, revoke. The Admin scope
 * is offered to administrators only, the same rule the server applies.
 */
export function TokensSettings(props: { timezone: string; roles: readonly string[] }) {
  const { t } = useTranslation('accounts');
  const locale = useLocale();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  const tokens = useApiQuery(listTokens);
  const create = useApiMutation(createToken, {
    invalidates: [listTokens],
    onSuccess: (data) => {
      setSecret(data.secret);
      form.resetFields();
    },
  });
  const revoke = useApiMutation(revokeToken, {
    invalidates: [listTokens],
    onSuccess: () => message.success(t('tokens.revoked')),
  });
  const when = (iso: string) => formatDateTime(iso, locale, props.timezone);
  const scopes = grantableScopes(props.roles);
  const close = () => {
    setCreating(false);
    setSecret(null);
    create.reset();
  };

  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ padding: 16 }}>
        <Typography.Text type="secondary" style={{ flex: '1 1 240px' }}>
          {t('tokens.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-new">
          {t('tokens.create')}
        </Button>
      </Flex>
      <RowList
        loading={tokens.isPending}
        empty={t('tokens.empty')}
        testId="tokens-list"
        rows={(tokens.data?.items ?? []).map((tok) => ({
          key: tok.id,
          testId: `token-${tok.id}`,
          avatar: <Avatar icon={<KeyOutlined />} />,
          title: (
            <>
              {tok.name}{' '}
              {tok.scopes.map((s) => (
                <Tag key={s}>{t(`tokens.scope.${s}`)}</Tag>
              ))}
            </>
          ),
          description: [
            tok.lastUsedAt ? t('tokens.lastUsed', { time: when(tok.lastUsedAt) }) : t('tokens.neverUsed'),
            tok.expiresAt ? t('tokens.expiresAt', { time: when(tok.expiresAt) }) : t('tokens.neverExpires'),
          ].join(' · '),
          extra: (
            <Popconfirm
              title={t('common:states.areYouSure')}
              onConfirm={() => revoke.mutateAsync({ params: { tokenId: tok.id } }).catch((e) => message.error(errorMessage(e)))}
            >
              <Button danger size="small">
                {t('common:actions.revoke')}
              </Button>
            </Popconfirm>
          ),
        }))}
      />
      <CreateThenRevealModal
        open={creating}
        title={t('tokens.createTitle')}
        revealedTitle={t('tokens.secretTitle')}
        doneLabel={t('tokens.done')}
        createTestId="token-create"
        creating={create.isPending}
        onCreate={() => form.submit()}
        onClose={close}
        revealed={
          secret ? (
            <>
              <Alert type="warning" showIcon title={t('tokens.secretHint')} style={{ marginBottom: 12 }} />
              <Typography.Paragraph code copyable={false} style={{ wordBreak: 'break-all' }} data-testid="token-secret">
                {secret}
              </Typography.Paragraph>
              <CopyButton text={secret} type="primary" />
            </>
          ) : null
        }
      >
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scopes: ['read'] }}
          onFinish={(v) =>
            create.mutate({ body: { name: v.name, scopes: v.scopes, expiresInDays: v.expiresInDays ?? undefined } })
          }
        >
          <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('tokens.scopes')}
            extra={scopes.includes('admin') ? t('tokens.adminScopeHint') : undefined}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Checkbox.Group options={scopes.map((s) => ({ value: s, label: t(`tokens.scope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.neverExpires')}>
            <InputNumber min={1} max={3650} style={{ width: '100%' }} />
          </Form.Item>
          {create.error ? <Alert type="error" showIcon title={errorMessage(create.error)} /> : null}
        </Form>
      </CreateThenRevealModal>
    </Card>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, queryKeyOf, useApiMutation, useApiQuery } from '../../../../../platform/client/api.js';
import { LocaleSelect } from '../../../../../platform/client/ui/locale-select.js';
import { getMe } from '../../../../accounts/shared/contract.js';
import { getOrganizationInfo, updateOrganization } from '../../../shared/contract.js';

/** The organization's name (shown in every member's sidebar) and the language new members start in. */
export function AdminOrganization() {
  const { t } = useTranslation('org');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const org = useApiQuery(getOrganizationInfo);
  const save = useApiMutation(updateOrganization, {
    invalidates: [getOrganizationInfo],
    onSuccess: async () => {
      // The sidebar reads the name from the session answer.
      await qc.invalidateQueries({ queryKey: queryKeyOf(getMe) });
      message.success(t('common:states.saved'));
    },
  });
  if (org.isPending) return <Skeleton active />;
  if (org.error) return <Alert type="error" showIcon title={errorMessage(org.error)} />;
  return (
    <Card>
      <Form
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 480 }}
        initialValues={{ name: org.data.name, defaultLocale: org.data.defaultLocale }}
        onFinish={(body) => save.mutate({ body })}
      >
        <Form.Item name="name" label={t('admin.organization.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="organization-name" />
        </Form.Item>
        <Form.Item
          name="defaultLocale"
          label={t('admin.organization.defaultLocale')}
          extra={t('admin.organization.defaultLocaleHint')}
        >
          <LocaleSelect />
        </Form.Item>
        {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="organization-save">
          {t('common:actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

import { Alert, Button, Drawer, Flex, Form, Input, Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, useApiMutation, useApiQuery } from '../../../../../platform/client/api.js';
import { LOCALE_NAMES, useLocale } from '../../../../../platform/client/i18n.js';
import { LocaleSelect } from '../../../../../platform/client/ui/locale-select.js';
import { useIsPhone } from '../../../../../platform/client/ui/responsive.js';
import { TimeZoneSelect } from '../../../../../platform/client/ui/timezone-select.js';
import { useDebounced } from '../../../../../platform/client/use-debounced.js';
import { LOCALES } from '../../../../../platform/shared/i18n.js';
import { displayNameFor } from '../../../../../platform/shared/person-name.js';
import { getContactCard, listDepartments, searchMembers, updateMember } from '../../../shared/contract.js';
import type { MemberView } from '../../../shared/types.js';
import { useDepartments } from '../../departments.js';
import { useMemberSearch } from '../../member-search.js';

/** Every profile field of one member, for admins, HR admins and HRBPs in scope (the server decides). */
export function MemberEditDrawer(props: { member: MemberView | null; onClose: () => void }) {
  const isPhone = useIsPhone();
  const { t } = useTranslation('org');
  const locale = useLocale();
  return (
    <Drawer
      open={Boolean(props.member)}
      onClose={props.onClose}
      size={isPhone ? '100%' : 520}
      title={props.member ? t('admin.members.editTitle', { name: displayNameFor(props.member, locale) }) : ''}
      destroyOnHidden
    >
      {props.member ? <EditForm member={props.member} onDone={props.onClose} /> : null}
    </Drawer>
  );
}

function EditForm({ member, onDone }: { member: MemberView; onDone: () => void }) {
  const { t } = useTranslation('org');
  const locale = useLocale();
  const [form] = Form.useForm();
  const departments = useDepartments();
  const card = useApiQuery(getContactCard, { params: { userId: member.id } });
  const [managerQuery, setManagerQuery] = useState('');
  const candidates = useMemberSearch({ q: useDebounced(managerQuery, 200) });
  const chosen = (Form.useWatch('departmentIds', form) as string[] | undefined) ?? member.departmentIds;
  const save = useApiMutation(updateMember, { invalidates: [searchMembers, getContactCard, listDepartments], onSuccess: onDone });

  const manager = card.data?.manager;
  const managerOptions = candidates.members
    .filter((m) => m.id !== member.id)
    .map((m) => ({ value: m.id, label: `${displayNameFor(m, locale)} · ${m.email}` }));
  if (manager && !managerOptions.some((o) => o.value === manager.id)) {
    managerOptions.unshift({ value: manager.id, label: displayNameFor(manager, locale) });
  }

  const blank = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{
        ...member,
        names: Object.fromEntries(LOCALES.map((l) => [l, member.names[l] ?? ''])),
      }}
      onFinish={(v) => {
        const names = Object.fromEntries(LOCALES.filter((l) => blank(v.names?.[l])).map((l) => [l, v.names[l].trim()]));
        const primary = v.departmentIds?.includes(v.primaryDepartmentId) ? v.primaryDepartmentId : (v.departmentIds?.[0] ?? null);
        save.mutate({
          params: { userId: member.id },
          body: {
            displayName: v.displayName,
            names,
            email: v.email,
            phone: blank(v.phone),
            title: blank(v.title),
            jobSequence: blank(v.jobSequence),
            jobLevel: blank(v.jobLevel),
            site: blank(v.site),
            managerId: v.managerId ?? null,
            departmentIds: v.departmentIds ?? [],
            primaryDepartmentId: primary,
            timezone: v.timezone,
            locale: v.locale,
          },
        });
      }}
    >
      <Form.Item
        name="displayName"
        label={t('admin.fields.displayName')}
        rules={[{ required: true, whitespace: true, max: 100 }]}
      >
        <Input data-testid="edit-display-name" />
      </Form.Item>
      {LOCALES.map((l) => (
        <Form.Item
          key={l}
          name={['names', l]}
          label={t('admin.fields.nameIn', { language: LOCALE_NAMES[l] })}
          rules={[{ max: 100 }]}
        >
          <Input />
        </Form.Item>
      ))}
      <Form.Item name="email" label={t('admin.fields.email')} rules={[{ required: true, type: 'email' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('admin.fields.title')} rules={[{ max: 100 }]}>
        <Input data-testid="edit-title" />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item
          name="jobSequence"
          label={t('admin.fields.jobSequence')}
          rules={[{ max: 60 }]}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Input />
        </Form.Item>
        <Form.Item name="jobLevel" label={t('admin.fields.jobLevel')} rules={[{ max: 20 }]} style={{ flex: 1, minWidth: 0 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="departmentIds" label={t('admin.fields.departments')}>
        <TreeSelect multiple treeData={departments.tree} treeDefaultExpandAll allowClear data-testid="edit-departments" />
      </Form.Item>
      <Form.Item name="primaryDepartmentId" label={t('admin.fields.primaryDepartment')}>
        <Select
          allowClear
          options={chosen.map((id) => ({ value: id, label: departments.byId.get(id as `dep_${string}`)?.name ?? id }))}
        />
      </Form.Item>
      <Form.Item name="managerId" label={t('admin.fields.manager')}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setManagerQuery }}
          options={managerOptions}
          loading={candidates.isFetching}
        />
      </Form.Item>
      <Form.Item name="phone" label={t('admin.fields.phone')} rules={[{ max: 40 }]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="site" label={t('admin.fields.site')} rules={[{ max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="timezone" label={t('common:fields.timezone')}>
        <TimeZoneSelect />
      </Form.Item>
      <Form.Item name="locale" label={t('common:fields.language')}>
        <LocaleSelect />
      </Form.Item>
      {save.error ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} /> : null}
      <Space>
        <Button onClick={onDone}>{t('common:actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="edit-save">
          {t('common:actions.save')}
        </Button>
      </Space>
    </Form>
  );
}

import { Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { branchRoles, memberSides } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useAddMember, usePeopleOptions, type Branch } from '../api';
import { memberBody, todayShanghai, type MemberFormValues } from '../bodies';

/** Add a member: a Liaison user (picked among the project's people and the commissioners) or an external person. */
export function AddMemberModal({ branch, onClose }: { branch: Branch; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberFormValues>();
  const add = useAddMember(branch.id);
  const feedback = useFeedback();
  const kind = Form.useWatch('kind', form) ?? 'user';
  const people = usePeopleOptions(branch.project.id, kind === 'user');
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Modal
      open
      title={t('branches.addMember')}
      okText={t('branches.addMemberOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        name="member"
        initialValues={{ kind: 'user', role: 'member', isPartyMember: true, joinedOn: todayShanghai() }}
        onFinish={(v) =>
          add.mutate(memberBody(v), {
            onSuccess: (m) => {
              feedback.success('branches.memberAdded', { name: m.name });
              onClose();
            },
            onError: (e) => feedback.error(e, { form, fallbackField: { DUPLICATE: 'userId', CONFLICT: 'role' } }),
          })
        }
      >
        <Form.Item name="kind" label={t('branches.memberKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'user', label: t('branches.memberKindUser') },
              { value: 'external', label: t('branches.memberKindExternal') },
            ]}
          />
        </Form.Item>
        {kind === 'user' ? (
          <Form.Item name="userId" label={t('branches.person')} rules={[{ required: true, message: t('branches.pickPerson') }]} extra={t('branches.personHint')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={people.isLoading}
              placeholder={t('branches.pickPerson')}
              options={(people.data ?? []).map((p) => ({
                value: p.id,
                label: [p.name, p.role ? t(`assignmentRole.${p.role}`) : p.projectName].filter(Boolean).join(' · '),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={t('branches.memberName')} rules={[required, { max: 40, message: t('validation.max', { n: 40 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="unitName"
          label={t('branches.unitName')}
          rules={kind === 'external' ? [required, { max: 100, message: t('validation.max', { n: 100 }) }] : [{ max: 100, message: t('validation.max', { n: 100 }) }]}
          extra={kind === 'user' ? t('branches.unitNameUserHint') : undefined}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="side" label={t('branches.side')} rules={[{ required: true, message: t('branches.pickSide') }]}>
          <Select placeholder={t('branches.pickSide')} options={memberSides.map((s) => ({ value: s, label: t(`branches.sides.${s}`) }))} />
        </Form.Item>
        <Form.Item name="role" label={t('branches.role')} rules={[{ required: true, message: t('validation.required') }]} extra={t('branches.roleHint')}>
          <Select options={branchRoles.map((r) => ({ value: r, label: t(`branches.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="isPartyMember" label={t('branches.isPartyMember')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('branches.joinedOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

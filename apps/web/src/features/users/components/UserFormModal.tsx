import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { createUserBody, roles, separatedAdminRoles, type Role, type User } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { UnitSelect } from '../../units/components/UnitSelect';
import { PasswordRulesHelp, passwordRules } from '../../session/components/passwordRules';
import { useCreateUser, useUpdateUser, useUser } from '../api';

interface Values {
  username: string;
  displayName: string;
  unitId: string | null;
  phone: string | null;
  email: string | null;
  roles: Role[];
  password: string;
  isActive: boolean;
}

const usernameSchema = createUserBody.shape.username;
const emailSchema = createUserBody.shape.email;

function blankToNull(v: string | null | undefined): string | null {
  return v && v.trim() ? v.trim() : null;
}

/** Create a user (user undefined) or edit one. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useFeedback();
  const { modal } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const fresh = useUser(open ? user?.id : undefined);
  const editing = fresh.data ?? user;
  const username = Form.useWatch('username', form);

  useEffect(() => {
    if (!open) return;
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        unitId: editing.unit?.id ?? null,
        phone: editing.phone,
        email: editing.email,
        roles: editing.roles,
        isActive: editing.isActive,
      });
    } else {
      form.resetFields();
    }
  }, [open, editing, form]);

  const fallbackField = { ADMIN_ROLES_SEPARATED: 'roles', WEAK_PASSWORD: 'password', DUPLICATE: 'username' };

  const submit = (v: Values) => {
    const common = {
      displayName: v.displayName.trim(),
      unitId: v.unitId ?? null,
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      roles: v.roles,
    };
    if (editing) {
      const save = () =>
        update.mutate(
          { id: editing.id, version: editing.version, ...common, isActive: v.isActive },
          {
            onSuccess: () => {
              feedback.success('common.saved');
              onClose();
            },
            onError: (e) => feedback.error(e, { form, fallbackField, onStale: () => void fresh.refetch() }),
          },
        );
      if (editing.isActive && !v.isActive) {
        modal.confirm({
          title: t('users.disableConfirm', { name: editing.displayName }),
          content: t('users.disableHint'),
          okText: t('common.disable'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: save,
        });
      } else save();
    } else {
      create.mutate(
        { username: v.username.trim(), password: v.password, ...common },
        {
          onSuccess: () => {
            feedback.success('users.createdHint');
            onClose();
          },
          onError: (e) => feedback.error(e, { form, fallbackField }),
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('users.edit') : t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form name="userForm" form={form} layout="vertical" onFinish={submit} initialValues={{ roles: [], isActive: true }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: async (_, v: string | undefined) => {
                if (v && !usernameSchema.safeParse(v).success) throw new Error(t('users.usernameFormat'));
              },
            },
          ]}
        >
          <Input disabled={!!editing} autoComplete="off" autoCapitalize="none" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 64, message: t('validation.max', { n: 64 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')}>
          <UnitSelect initial={editing?.unit ?? null} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          extra={t('users.rolesHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('users.rolesRequired') },
            {
              validator: async (_, v: Role[] | undefined) => {
                if ((v ?? []).filter((r) => separatedAdminRoles.includes(r)).length > 1) {
                  throw new Error(t('errors.ADMIN_ROLES_SEPARATED'));
                }
              },
            },
          ]}
        >
          <Select mode="multiple" options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ max: 40, message: t('validation.max', { n: 40 }) }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            {
              validator: async (_, v: string | null | undefined) => {
                if (v && v.trim() && !emailSchema.safeParse(v.trim()).success) throw new Error(t('validation.email'));
              },
            },
          ]}
        >
          <Input inputMode="email" />
        </Form.Item>
        {editing ? (
          <Form.Item name="isActive" label={t('users.isActive')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="password"
              label={t('users.initialPassword')}
              rules={passwordRules(t, username)}
              extra={<PasswordRulesHelp />}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Alert type="info" showIcon title={t('users.mustChangeHint')} />
          </>
        )}
      </Form>
    </Modal>
  );
}

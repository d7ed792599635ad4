import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PasswordRulesHelp, passwordRules } from '../../session/components/passwordRules';
import { useResetPassword } from '../api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const feedback = useFeedback();

  return (
    <Modal
      open={!!user}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
      forceRender
    >
      <Alert type="warning" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      <Form
        name="resetPassword"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          if (!user) return;
          reset.mutate(
            { id: user.id, password: v.password },
            {
              onSuccess: () => {
                feedback.success('users.passwordReset');
                form.resetFields();
                onClose();
              },
              onError: (e) => feedback.error(e, { form, fallbackField: { WEAK_PASSWORD: 'password' } }),
            },
          );
        }}
      >
        <Form.Item
          name="password"
          label={t('password.new')}
          rules={passwordRules(t, user?.username)}
          extra={<PasswordRulesHelp />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Button, Form, Input } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

export interface TotpValues {
  code: string;
}

/** A six-digit code from the authenticator app. */
export function TotpCodeForm({
  form,
  onSubmit,
  loading,
  submitText,
}: {
  form: FormInstance<TotpValues>;
  onSubmit: (code: string) => void;
  loading: boolean;
  submitText: string;
}) {
  const { t } = useTranslation();
  return (
    <Form name="totp" form={form} layout="vertical" requiredMark={false} onFinish={(v: TotpValues) => onSubmit(v.code.trim())}>
      <Form.Item
        name="code"
        label={t('totp.code')}
        normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
        rules={[
          { required: true, message: t('totp.codeRequired') },
          { pattern: /^\d{6}$/, message: t('totp.codeFormat') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} block>
        {submitText}
      </Button>
    </Form>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Session } from '@liaison/contracts';
import { errorMessage } from '../../../shared/api/errors';
import { isApiError } from '../../../shared/api/client';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch';
import { useMeta, useSession, useSignIn, useSignOut, useVerifyTotp } from '../api';
import { useSignedOutReason } from '../authEvents';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { TotpCodeForm, type TotpValues } from '../components/TotpCodeForm';
import { TotpEnrol } from '../components/TotpEnrol';
import { DemoAccounts } from '../components/DemoAccounts';

interface SignInValues {
  username: string;
  password: string;
}

/** Only paths inside the app: never bounce to another origin. */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
    return from;
  }
  return '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const from = safeFrom(location.state);

  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  const current = session.data ?? null;
  if (current?.step === 'ok') return <Navigate to={from} replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: '16px 12px' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 960 }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ width: '100%', maxWidth: 400, marginTop: '6vh' }}>
        <Typography.Title
          level={2}
          style={{ marginBottom: 4, textAlign: 'center', fontSize: 'clamp(22px, 6vw, 30px)', wordBreak: 'keep-all' }}
        >
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ marginBottom: 24, textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Text>
        <Card style={{ width: '100%' }}>
          {current ? <StepPanel session={current} /> : <SignInForm />}
        </Card>
      </Flex>
    </Flex>
  );
}

function SignInForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const signIn = useSignIn();
  const meta = useMeta();
  const reason = useSignedOutReason();
  const [error, setError] = useState<{ text: string; locked: boolean } | null>(null);

  const submit = (v: SignInValues) => {
    setError(null);
    signIn.mutate(
      { username: v.username.trim(), password: v.password },
      {
        onError: (e) => {
          form.setFieldValue('password', '');
          setError({ text: errorMessage(e, t), locked: isApiError(e) && e.code === 'ACCOUNT_LOCKED' });
        },
      },
    );
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      {reason === 'expired' && !error ? (
        <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      {error ? (
        <Alert
          type={error.locked ? 'warning' : 'error'}
          showIcon
          title={error.text}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      ) : null}
      <Form name="signIn" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      {meta.data?.demo ? (
        <DemoAccounts
          meta={meta.data}
          onPick={(username, password) => form.setFieldsValue({ username, password: password ?? '' })}
        />
      ) : null}
      {meta.data?.version ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12, textAlign: 'center' }}>
          {t('app.version', { version: meta.data.version })}
        </Typography.Text>
      ) : null}
    </>
  );
}

function StepPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const back = (
    <Button type="link" block onClick={() => signOut.mutate()} loading={signOut.isPending} style={{ marginTop: 8 }}>
      {t('login.backToSignIn')}
    </Button>
  );
  const title = (key: string, hint: string) => (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(key)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(hint, { name: session.user.displayName })}</Typography.Paragraph>
    </>
  );

  if (session.step === 'totp') {
    return (
      <>
        {title('totp.verifyTitle', 'totp.verifyHint')}
        <TotpVerify />
        {back}
      </>
    );
  }
  if (session.step === 'totp_enrol') {
    return (
      <>
        {title('totp.enrolTitle', 'totp.enrolHint')}
        <TotpEnrol />
        {back}
      </>
    );
  }
  return (
    <>
      {title('password.changeTitle', 'password.mustChangeHint')}
      <ChangePasswordForm username={session.user.username} />
      {back}
    </>
  );
}

function TotpVerify() {
  const { t } = useTranslation();
  const [form] = Form.useForm<TotpValues>();
  const verify = useVerifyTotp();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <TotpCodeForm
        form={form}
        loading={verify.isPending}
        submitText={t('totp.verify')}
        onSubmit={(code) => {
          setError(null);
          verify.mutate(
            { code },
            {
              onError: (e) => {
                form.setFieldValue('code', '');
                setError(errorMessage(e, t));
              },
            },
          );
        }}
      />
    </>
  );
}

import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { totpRequiredRoles } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RoleTags } from '../../../shared/ui/tags';
import { useCurrentSession, useDisableTotp } from '../../session/api';
import { TotpEnrol } from '../../session/components/TotpEnrol';

export default function SecurityPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const disable = useDisableTotp();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const user = session.user;
  const required = user.roles.some((r) => totpRequiredRoles.includes(r));

  // The setup query has gcTime 0: unmounting the enrol panel forgets the secret.
  const closeEnrol = () => setEnrolling(false);

  return (
    <>
      <PageHeader title={t('account.security')} />
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        <Card size="small" title={t('security.profile')}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: t('users.displayName'), children: user.displayName },
              { key: 'username', label: t('users.username'), children: user.username },
              { key: 'unit', label: t('users.unit'), children: user.unit?.name ?? '—' },
              { key: 'roles', label: t('users.roles'), children: <RoleTags roles={session.roles} /> },
              { key: 'last', label: t('users.lastSignInAt'), children: formatDateTime(user.lastSignInAt) },
              { key: 'expires', label: t('security.sessionExpires'), children: formatDateTime(session.expiresAt) },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={
            <Flex align="center" gap={8}>
              {t('security.totpTitle')}
              {user.totpEnabled ? <Tag color="green">{t('common.on')}</Tag> : <Tag>{t('common.off')}</Tag>}
            </Flex>
          }
        >
          <Typography.Paragraph type="secondary">{t('security.totpHint')}</Typography.Paragraph>
          {required ? (
            <Alert type="info" showIcon title={t('security.totpRequired')} style={{ marginBottom: 12 }} />
          ) : null}
          {user.totpEnabled ? (
            required ? null : (
              <Button danger onClick={() => setDisabling(true)}>
                {t('security.disableTotp')}
              </Button>
            )
          ) : (
            <Button type="primary" onClick={() => setEnrolling(true)}>
              {t('security.enableTotp')}
            </Button>
          )}
        </Card>
        <Card size="small" title={t('security.more')}>
          <Flex wrap gap={8}>
            <Button onClick={() => navigate('/account/password')}>{t('account.changePassword')}</Button>
            <Button onClick={() => navigate('/account/sessions')}>{t('account.sessions')}</Button>
          </Flex>
        </Card>
      </Flex>

      <Modal open={enrolling} title={t('security.enableTotp')} footer={null} onCancel={closeEnrol} destroyOnHidden>
        {enrolling ? (
          <TotpEnrol
            onEnabled={() => {
              closeEnrol();
              feedback.success('security.totpEnabled');
            }}
          />
        ) : null}
      </Modal>

      <Modal
        open={disabling}
        title={t('security.disableTotp')}
        okText={t('security.disableTotp')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={disable.isPending}
        onCancel={() => setDisabling(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        <Alert type="warning" showIcon title={t('security.disableWarning')} style={{ marginBottom: 16 }} />
        <Form
          name="disableTotp"
          form={form}
          layout="vertical"
          onFinish={(v) =>
            disable.mutate(
              { password: v.password },
              {
                onSuccess: () => {
                  setDisabling(false);
                  form.resetFields();
                  feedback.success('security.totpDisabled');
                },
                onError: (e) =>
                  feedback.error(e, {
                    form,
                    fallbackField: { INVALID_CREDENTIALS: 'password', RULE_VIOLATED: 'password' },
                    messages: { INVALID_CREDENTIALS: 'security.wrongPassword', RULE_VIOLATED: 'security.wrongPassword' },
                  }),
              },
            )
          }
        >
          <Form.Item
            name="password"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { useEffect, useState } from 'react';
import { Alert, Flex, Form, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { applyFieldErrors, errorMessage } from '../../../shared/api/errors';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useEnableTotp, useTotpSetup } from '../api';
import { TotpCodeForm, type TotpValues } from './TotpCodeForm';

/** Set up an authenticator app: QR code + secret as text, then confirm with a first code. */
export function TotpEnrol({ onEnabled }: { onEnabled?: () => void }) {
  const { t } = useTranslation();
  const setup = useTotpSetup(true);
  const enable = useEnableTotp();
  const [form] = Form.useForm<TotpValues>();
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!setup.data) return;
    let live = true;
    QRCode.toDataURL(setup.data.otpauthUrl, { width: 200, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [setup.data]);

  if (setup.isPending) return <Spin />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />;

  const submit = (code: string) => {
    setError(null);
    enable.mutate(
      { code },
      {
        onSuccess: () => onEnabled?.(),
        onError: (e) => {
          if (!applyFieldErrors(form, e, t, { INVALID_TOTP: 'code' })) setError(errorMessage(e, t));
        },
      },
    );
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('totp.enrolIntro')}</Typography.Paragraph>
      <Flex justify="center">
        {qr ? (
          <img src={qr} width={200} height={200} alt={t('totp.qrAlt')} style={{ imageRendering: 'pixelated' }} />
        ) : (
          <Spin />
        )}
      </Flex>
      <div>
        <Typography.Text type="secondary">{t('totp.secretLabel')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: setup.data.secret }} code style={{ wordBreak: 'break-all' }}>
          {setup.data.secret}
        </Typography.Paragraph>
      </div>
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      <TotpCodeForm form={form} onSubmit={submit} loading={enable.isPending} submitText={t('totp.enable')} />
    </Flex>
  );
}

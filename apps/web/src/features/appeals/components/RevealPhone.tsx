import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useRevealPhone, type RevealedPhone, type StaffAppeal } from '../api';

/**
 * The masked number, and for the lead handler who must call back a button that shows the whole number after a
 * confirmation (each reveal is written to the audit log). The number lives in this component only.
 */
export function RevealPhone({ a }: { a: StaffAppeal }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const reveal = useRevealPhone();
  const [shown, setShown] = useState<RevealedPhone | null>(null);

  if (shown) {
    return (
      <Flex gap={8} align="center" wrap>
        <a href={`tel:${shown.phone}`} aria-label={t('appeals.callResident', { phone: shown.phone })}>
          <PhoneOutlined /> <Typography.Text strong>{shown.phone}</Typography.Text>
        </a>
        <Typography.Text type="secondary">{t('appeals.revealedNote')}</Typography.Text>
      </Flex>
    );
  }
  if (!a.contact.phone) return <Typography.Text type="secondary">{t('appeals.noPhone')}</Typography.Text>;

  const ask = () =>
    modal.confirm({
      title: t('appeals.revealConfirm'),
      content: t('appeals.revealHint'),
      okText: t('appeals.reveal'),
      cancelText: t('common.cancel'),
      onOk: () =>
        reveal.mutateAsync(a.id).then(
          (r) => setShown(r),
          (e: unknown) => void feedback.error(e),
        ),
    });

  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{a.contact.phone}</Typography.Text>
      {a.canRevealPhone ? (
        <Button size="small" icon={<EyeOutlined />} onClick={ask} loading={reveal.isPending}>
          {t('appeals.reveal')}
        </Button>
      ) : null}
    </Flex>
  );
}

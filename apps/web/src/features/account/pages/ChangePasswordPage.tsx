import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useCurrentSession } from '../../session/api';
import { ChangePasswordForm } from '../../session/components/ChangePasswordForm';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const feedback = useFeedback();
  return (
    <>
      <PageHeader title={t('account.changePassword')} />
      <Card style={{ maxWidth: 480 }}>
        <ChangePasswordForm username={session.user.username} onDone={() => feedback.success('password.changed')} />
      </Card>
    </>
  );
}

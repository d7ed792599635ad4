import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useAppeal } from '../api';
import { AppealContact, AppealFacts } from './AppealFacts';
import { RevealPhone } from './RevealPhone';

/** On an `appeal` case's page: what the resident reported, and the call-back number for the lead handler. */
export function AppealPanel({ appealId }: { appealId: string }) {
  const { t } = useTranslation();
  const appeal = useAppeal(appealId);
  return (
    <Card size="small" title={t('appeals.panelTitle')}>
      {appeal.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : appeal.isError ? (
        <ErrorState error={appeal.error} onRetry={() => void appeal.refetch()} />
      ) : (
        <AppealFacts a={appeal.data} contact={<AppealContact a={appeal.data} phone={<RevealPhone a={appeal.data} />} />} />
      )}
    </Card>
  );
}

export default AppealPanel;

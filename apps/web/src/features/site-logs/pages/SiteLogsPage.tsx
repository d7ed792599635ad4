import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { SiteLogList } from '../components/SiteLogList';

export default function SiteLogsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('siteLogs.title')} sub={t('siteLogs.sub')} />
      <SiteLogList />
    </>
  );
}

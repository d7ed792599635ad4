import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/ui/PageHeader';
import CaseTable from '../components/CaseTable';

export default function CaseListPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('cases.title')} sub={t('cases.sub')} />
      <CaseTable showViews />
    </>
  );
}

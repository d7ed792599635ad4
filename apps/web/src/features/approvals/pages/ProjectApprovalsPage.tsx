import { Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useApprovalChain } from '../api';
import { ApprovalChainView } from '../components/ApprovalChainView';

/** /projects/:id/approvals — where the agents' notifications lead. */
export default function ProjectApprovalsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const chain = useApprovalChain(id);
  if (chain.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (chain.isError) return <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />;
  const p = chain.data.project;
  return (
    <>
      <PageHeader
        title={t('approvals.chainOf', { name: p.name })}
        sub={<><Link to={`/projects/${p.id}`}>{p.code}</Link> · <Typography.Text type="secondary">{p.category}</Typography.Text></>}
      />
      <ApprovalChainView projectId={id} />
    </>
  );
}

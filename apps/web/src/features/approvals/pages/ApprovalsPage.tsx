import { useEffect } from 'react';
import { Card, Empty, Flex } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { ApprovalChainView } from '../components/ApprovalChainView';
import { approvalSections } from '../components/approvalSections';
import { SectionNav } from '../components/SectionNav';
import { useOnlyProject } from '../components/useOnlyProject';

/** Approval agency: pick a project, see and work its chain. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const projectId = search.get('projectId') ?? undefined;
  const only = useOnlyProject();
  useEffect(() => {
    if (!projectId && only) setSearch({ projectId: only.id }, { replace: true });
  }, [projectId, only, setSearch]);

  return (
    <>
      <PageHeader title={t('approvals.title')} sub={t('approvals.sub')} />
      <SectionNav sections={approvalSections} />
      <Flex vertical gap={12}>
        <Flex wrap gap={8} align="center">
          <ProjectSelect aria-label={t('approvals.project')} value={projectId} allowClear={false}
            onChange={(v) => setSearch(v ? { projectId: v } : {}, { replace: true })} style={{ width: 320, maxWidth: '100%' }} />
          {projectId ? <Link to={`/projects/${projectId}`}>{t('approvals.openProject')}</Link> : null}
        </Flex>
        {projectId ? <ApprovalChainView projectId={projectId} /> : (
          <Card><Empty description={t('approvals.pickProject')} /></Card>
        )}
      </Flex>
    </>
  );
}

import { useEffect } from 'react';
import { Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useCase } from '../../cases/api';
import { CaseActions } from '../../cases/components/CaseActions';
import { CaseStatusTag } from '../../cases/components/CaseTags';
import { CaseTimeline } from '../../cases/components/CaseTimeline';
import { disputeKey, useDispute } from '../api';
import { AgreementCard } from '../components/AgreementCard';
import { RiskTag } from '../components/DisputeTags';
import { FollowUpCard } from '../components/FollowUpCard';
import { PartiesCard } from '../components/PartiesCard';
import { SessionsCard } from '../components/SessionsCard';

/** /disputes/:caseId — the dispute with its case actions, parties, sessions (调解笔录), agreement and follow-up. */
export default function DisputeDetailPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const q = useDispute(caseId);
  const qc = useQueryClient();
  // A mediator outside the case's units sees the dispute but not the case (404): then the dispute's plain view of it serves.
  const c = useCase(caseId);
  // A case action (answer, verify …) may settle the dispute: reload it when the case moves.
  const caseVersion = c.data?.version;
  useEffect(() => {
    if (caseVersion !== undefined) void qc.invalidateQueries({ queryKey: disputeKey(caseId) });
  }, [caseVersion, caseId, qc]);

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const kase = c.data ?? d.case;
  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {kase.number} · <Link to={`/projects/${kase.project.id}`}>{kase.project.name}</Link>
        </Typography.Text>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>{kase.title}</Typography.Title>
          <CaseStatusTag status={kase.status} />
          <RiskTag risk={d.risk} />
          <Tag>{t(`mediation.categories.${d.category}`)}</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('mediation.mediatorIs', { name: d.mediator?.displayName ?? '—' })} · <Link to={`/cases/${caseId}`}>{t('mediation.openCase')}</Link>
        </Typography.Text>
      </Flex>
      {kase.allowedActions.length ? <CaseActions c={kase} /> : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{kase.description}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <PartiesCard dispute={d} />
            <SessionsCard dispute={d} />
            <AgreementCard dispute={d} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={12}>
            <FollowUpCard dispute={d} />
            {c.isSuccess ? <CaseTimeline caseId={caseId} /> : null}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

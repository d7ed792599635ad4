import { useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Row, Skeleton, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCase } from '../../cases/api';
import { CaseActions } from '../../cases/components/CaseActions';
import { CaseAttachments } from '../../cases/components/CaseAttachments';
import { CaseStatusTag, DaysLeft } from '../../cases/components/CaseTags';
import { CaseTimeline } from '../../cases/components/CaseTimeline';
import { needKey, useNeed } from '../api';
import { LevelTag, NeedFigures, NeedTypeTag } from '../components/NeedFigures';
import { OutcomeModal } from '../components/OutcomeModal';

/** /enterprise-needs/:caseId — the need with its case actions, coordinating units and outcome figures. */
export default function NeedDetailPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { caseId = '' } = useParams();
  const q = useNeed(caseId);
  const c = useCase(caseId);
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const caseVersion = c.data?.version;
  useEffect(() => {
    if (caseVersion !== undefined) void qc.invalidateQueries({ queryKey: needKey(caseId) });
  }, [caseVersion, caseId, qc]);

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const kase = c.data ?? d;
  const n = d.need;
  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{d.number} · <Link to={`/projects/${d.project.id}`}>{d.project.name}</Link></Typography.Text>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>{d.title}</Typography.Title>
          <CaseStatusTag status={kase.status} />
          <NeedTypeTag type={n.needType} />
          <LevelTag level={n.level} />
        </Flex>
        <Link to={`/cases/${d.id}`} style={{ fontSize: 13 }}>{t('enterprise.openCase')}</Link>
      </Flex>
      {kase.allowedActions.length ? <CaseActions c={kase} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('enterprise.outcome')}
              extra={d.needActions.includes('record-outcome') ? <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setOpen(true)}>{t('enterprise.recordOutcome')}</Button> : null}>
              <Flex vertical gap={8}>
                <NeedFigures need={n} />
                {n.outcomeNote ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.outcomeNote}</Typography.Paragraph> : null}
              </Flex>
            </Card>
            <Card size="small">
              <Descriptions size="small" column={isMobile ? 1 : 2} items={[
                { key: 'units', label: t('enterprise.units'), children: n.coordinatingUnits.map((u) => u.name).join(t('common.listSeparator')) || '—' },
                { key: 'lead', label: t('enterprise.leadUnit'), children: kase.leadUnit?.name ?? '—' },
                { key: 'deadline', label: kase.clockState === 'sign' ? t('enterprise.signDeadline') : t('enterprise.deadline'), children: <DaysLeft c={kase} /> },
                { key: 'reporter', label: t('enterprise.reporter'), children: [kase.reporter?.displayName, kase.reporterUnit?.name].filter(Boolean).join(' · ') || '—' },
                { key: 'desc', label: t('enterprise.description'), span: isMobile ? 1 : 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.description}</span> },
              ]} />
            </Card>
            {c.data ? <CaseAttachments c={c.data} /> : null}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          {c.isSuccess ? <CaseTimeline caseId={caseId} /> : null}
        </Col>
      </Row>
      {open ? <OutcomeModal need={d} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
}

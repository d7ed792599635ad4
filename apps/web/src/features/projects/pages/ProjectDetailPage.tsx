import { Card, Col, Descriptions, Flex, Progress, Row, Skeleton, Space, Statistic, Tabs, Typography } from 'antd';
import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '@liaison/contracts';
import { formatDate, formatDateTime, formatWan, percent } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { LightTag, PhaseTag } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useProject } from '../api';

export default function ProjectDetailPage() {
  const { id } = useParams();
  const project = useProject(id);
  if (project.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  return <ProjectDetail project={project.data} />;
}

function ProjectDetail({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const wan = t('common.wanYuan');
  const done = percent(p.investmentCompleted, p.totalInvestment);

  const overview = (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card size="small">
            <Statistic title={t('projects.totalInvestment')} value={formatWan(p.totalInvestment)} suffix={wan} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card size="small">
            <Statistic
              title={t('projects.annualPlannedInvestment')}
              value={formatWan(p.annualPlannedInvestment)}
              suffix={wan}
            />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card size="small">
            <Statistic title={t('projects.investmentCompleted')} value={formatWan(p.investmentCompleted)} suffix={wan} />
            <Progress
              percent={done}
              size="small"
              aria-label={t('projects.investmentProgress')}
              format={(v) => t('projects.ofTotal', { percent: v })}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('projects.basics')}>
        <Descriptions
          size="small"
          column={isMobile ? 1 : 2}
          items={[
            { key: 'code', label: t('projects.code'), children: p.code },
            { key: 'category', label: t('projects.category'), children: p.category || '—' },
            { key: 'phase', label: t('projects.phase'), children: <PhaseTag phase={p.phase} /> },
            { key: 'light', label: t('projects.light'), children: <LightTag light={p.light} /> },
            { key: 'plannedStart', label: t('projects.plannedStart'), children: formatDate(p.plannedStart) },
            { key: 'plannedFinish', label: t('projects.plannedFinish'), children: formatDate(p.plannedFinish) },
            { key: 'street', label: t('projects.street'), children: p.street?.name ?? '—' },
            { key: 'community', label: t('projects.community'), children: p.community?.name ?? '—' },
            { key: 'address', label: t('projects.address'), children: p.address || '—', span: isMobile ? 1 : 2 },
            { key: 'owner', label: t('projects.owner'), children: p.owner?.name ?? '—' },
            { key: 'contractor', label: t('projects.contractor'), children: p.contractor?.name ?? '—' },
            { key: 'supervisor', label: t('projects.supervisor'), children: p.supervisor?.name ?? '—' },
            { key: 'updatedAt', label: t('projects.updatedAt'), children: formatDateTime(p.updatedAt) },
          ]}
        />
      </Card>
      {p.description ? (
        <Card size="small" title={t('projects.description')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description}</Typography.Paragraph>
        </Card>
      ) : null}
    </Flex>
  );

  return (
    <>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <LightTag light={p.light} />
          <PhaseTag phase={p.phase} />
          {p.archivedAt ? <Typography.Text type="warning">{t('projects.archived')}</Typography.Text> : null}
        </Flex>
        <Space wrap size={[16, 4]}>
          <Typography.Text type="secondary">{p.code}</Typography.Text>
          <span>
            <UserOutlined /> {t('projects.commissioner')}:{' '}
            {p.commissioner ? <Typography.Text strong>{p.commissioner.displayName}</Typography.Text> : t('projects.noCommissioner')}
          </span>
          {p.commissioner?.phone ? (
            <a href={`tel:${p.commissioner.phone}`}>
              <PhoneOutlined /> {p.commissioner.phone}
            </a>
          ) : null}
        </Space>
      </Flex>
      <Tabs items={[{ key: 'overview', label: t('projects.tabOverview'), children: overview }]} />
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatWan } from '../../../../shared/format';
import { LightTag, PhaseTag } from '../../../../shared/ui/tags';
import { useIsMobile } from '../../../../shared/ui/useIsMobile';
import type { ProjectDetail } from '../../api';
import { NoticeModal } from '../NoticeModal';

export function OverviewTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const wan = (v: number) => `${formatWan(v)} ${t('common.wanYuan')}`;
  const canNotice = p.allowedActions.includes('edit') || p.allowedActions.includes('edit-notice');

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('projects.basics')}>
        <Descriptions
          size="small"
          column={isMobile ? 1 : 2}
          items={[
            { key: 'code', label: t('projects.code'), children: p.code },
            { key: 'category', label: t('projects.category'), children: p.category || '—' },
            { key: 'phase', label: t('projects.phase'), children: <PhaseTag phase={p.phase} /> },
            { key: 'light', label: t('projects.light'), children: <LightTag light={p.light} /> },
            { key: 'totalInvestment', label: t('projects.totalInvestment'), children: wan(p.totalInvestment) },
            { key: 'annual', label: t('projects.annualPlannedInvestment'), children: wan(p.annualPlannedInvestment) },
            { key: 'completed', label: t('projects.investmentCompleted'), children: wan(p.investmentCompleted) },
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
      <Card
        size="small"
        title={t('projects.noticeTitle')}
        extra={
          canNotice ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('projects.editNotice')}
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'hours', label: t('projects.constructionHours'), children: p.constructionHours || t('projects.notSet') },
            {
              key: 'notice',
              label: t('projects.impactNotice'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.impactNotice || t('projects.notSet')}</span>,
            },
          ]}
        />
      </Card>
      {p.description ? (
        <Card size="small" title={t('projects.description')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.description}</Typography.Paragraph>
        </Card>
      ) : null}
      {editing ? <NoticeModal project={p} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}

import { useState } from 'react';
import { Alert, Button, Flex, Skeleton, Tag, Typography } from 'antd';
import { FileTextOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCan } from '../../session/api';
import { useBoardSummary } from '../api';
import { BoardCharts } from '../charts/BoardCharts';
import { CasesByType } from '../components/CasesByType';
import { LightRulesDrawer } from '../components/LightRulesDrawer';
import { ProjectLightTable } from '../components/ProjectLightTable';
import { Rankings } from '../components/Rankings';
import { SummaryFigures } from '../components/SummaryFigures';
import { WeekSelect } from '../components/WeekSelect';
import { periodFrom } from '../period';

/**
 * The board (领导驾驶舱), the home page of everyone who may read it: the district for leaders and the organisation
 * department, their projects for commissioners, their unit's cases for departments and streets (the server decides).
 */
export default function BoardPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const period = periodFrom(search);
  const summary = useBoardSummary(period);
  const canBriefings = useCan('briefing.read');
  const canEditRules = useCan('board.light-rules.manage');
  const [rulesOpen, setRulesOpen] = useState(false);

  if (summary.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (summary.isError && !summary.data) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const setWeek = (week?: string) => setSearch(week ? { week } : {}, { replace: true });
  const periodText = s.period.week
    ? t('board.periodWeek', { from: s.period.from, to: s.period.to })
    : t('board.periodRange', { from: s.period.from, to: s.period.to });

  return (
    <>
      <PageHeader
        title={t(`board.titles.${s.scope.kind}`)}
        sub={
          <Flex wrap gap={6} align="center">
            <Tag color="blue">{t(`board.scope.${s.scope.kind}`)}</Tag>
            <span>{s.scope.label}</span>
          </Flex>
        }
        extra={
          <>
            <WeekSelect value={period.week} onChange={setWeek} allowYear aria-label={t('board.period')} style={{ width: isMobile ? '100%' : 280 }} />
            {s.projects ? (
              <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)}>{canEditRules ? t('board.editLightRules') : t('board.viewLightRules')}</Button>
            ) : null}
            {canBriefings ? <Button icon={<FileTextOutlined />} onClick={() => navigate(period.week ? `/briefings?week=${period.week}` : '/briefings')}>{t('board.briefings')}</Button> : null}
          </>
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {periodText} · {t('board.asOf', { at: formatDateTime(s.asOf) })}
        </Typography.Text>
        <Button size="small" type="text" icon={<ReloadOutlined />} loading={summary.isFetching} onClick={() => void summary.refetch()}>{t('common.refresh')}</Button>
      </Flex>
      {period.from ? <Alert type="info" showIcon closable style={{ marginBottom: 12 }} title={t('board.customPeriod', { from: period.from, to: period.to })} onClose={() => setWeek(undefined)} /> : null}
      <Flex vertical gap={16}>
        <SummaryFigures summary={s} />
        {s.projects ? <ProjectLightTable /> : null}
        <BoardCharts summary={s} leading={<CasesByType summary={s} />} />
        <Rankings period={period} />
      </Flex>
      <LightRulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} editable={canEditRules} />
    </>
  );
}

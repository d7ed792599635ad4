import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWan, percent } from '../../../shared/format';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import type { ProjectDetail } from '../api';

/** 序时进度 vs percent done, this year's investment vs the plan to date, late milestones. */
export function ProjectFigures({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const f = p.figures;
  const size = isMobile ? 18 : undefined;
  const behind = f.percentDone !== null && f.timeElapsedPercent !== null && f.percentDone < f.timeElapsedPercent;
  const invPct = percent(f.investmentThisYear, f.annualPlanToDate);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={10}>
        <Card size="small" title={t('figures.schedule')} style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('figures.timeElapsed')}</Typography.Text>
          <Progress percent={f.timeElapsedPercent ?? 0} strokeColor="#8c8c8c" aria-label={t('figures.timeElapsed')} format={() => (f.timeElapsedPercent === null ? '—' : `${f.timeElapsedPercent}%`)} />
          <Typography.Text type="secondary">{t('figures.percentDone')}</Typography.Text>
          <Progress
            percent={f.percentDone ?? 0}
            status={behind ? 'exception' : 'normal'}
            aria-label={t('figures.percentDone')}
            format={() => (f.percentDone === null ? '—' : `${f.percentDone}%`)}
          />
          <Typography.Text type={behind ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {f.percentDone === null ? t('figures.noReport') : behind ? t('figures.behind') : t('figures.onTrack', { period: f.lastReportPeriod ?? '' })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={15} md={9}>
        <Card size="small" title={t('figures.investment')} style={{ height: '100%' }}>
          <Statistic title={t('figures.investmentThisYear')} value={formatWan(f.investmentThisYear)} suffix={t('common.wanYuan')} styles={{ content: { fontSize: size } }} />
          <Progress percent={invPct} size="small" aria-label={t('figures.investmentVsPlan')} format={(v) => `${v}%`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('figures.annualPlanToDate', { amount: formatWan(f.annualPlanToDate) })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={9} md={5}>
        <Card size="small" title={t('figures.milestones')} style={{ height: '100%' }}>
          <Statistic
            title={t('figures.lateMilestones')}
            value={f.lateMilestones}
            styles={{ content: { color: f.lateMilestones > 0 ? '#f5222d' : undefined, fontSize: size } }}
          />
        </Card>
      </Col>
    </Row>
  );
}

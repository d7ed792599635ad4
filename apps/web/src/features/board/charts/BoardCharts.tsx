import { useCallback, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSummary } from '@liaison/contracts';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useDistrictOutline, useProjectPoints } from '../api';
import { drillTarget } from '../period';
import { EChart, registerOutline, type ChartClick } from './EChart';
import { funnelOption, investmentOption, mapOption, streetOption, topCategoriesOption, unitOption, weeklyOption } from './options';

function ChartCard({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
      {children}
      {hint ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', padding: '0 8px' }}>{hint}</Typography.Text> : null}
    </Card>
  );
}

function useDrill() {
  const navigate = useNavigate();
  return useCallback(
    (p: ChartClick) => {
      const drill = (p.data as { drill?: string } | undefined)?.drill;
      const to = drill ? drillTarget(drill) : null;
      if (to) navigate(to);
    },
    [navigate],
  );
}

function ProjectMapChart({ height }: { height: number }) {
  const { t } = useTranslation();
  const onClick = useDrill();
  const points = useProjectPoints();
  const outline = useDistrictOutline();
  if (outline.data) registerOutline('xiacheng', outline.data);
  if (!points.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.charts.noPoints')} />;
  return <EChart label={t('board.charts.map')} height={height} option={mapOption(points.data, outline.data ? 'xiacheng' : null, t)} onClick={onClick} />;
}

/** The board's charts; a click on a bar, a funnel stage or a point opens the list behind it. */
export function BoardCharts({ summary: s, leading }: { summary: BoardSummary; leading?: ReactNode }) {
  const { t } = useTranslation();
  const compact = useIsMobile();
  const onClick = useDrill();
  const h = compact ? 260 : 300;
  const c = s.charts;
  const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ padding: 24 }} />;
  const showProjects = s.projects !== null;
  // The smaller charts share rows evenly: two or three a row on a wide screen.
  const small = [
    {
      key: 'funnel', title: t('board.charts.funnel'),
      body: c.funnel.some((f) => f.n > 0) ? <EChart label={t('board.charts.funnel')} height={h} option={funnelOption(c.funnel, t, compact)} onClick={onClick} /> : none(t('board.charts.noCases')),
    },
    {
      key: 'top', title: t('board.charts.topCategories'),
      body: c.topCategories.length
        ? <EChart label={t('board.charts.topCategories')} height={h} option={topCategoriesOption(c.topCategories, compact)} onClick={onClick} />
        : none(t('board.charts.noCasesInPeriod')),
    },
    ...(c.byStreet.length ? [{
      key: 'street', title: t('board.charts.byStreet'),
      body: <EChart label={t('board.charts.byStreet')} height={h} option={streetOption(c.byStreet, t, compact)} onClick={onClick} />,
    }] : []),
    ...(c.byUnit.length ? [{
      key: 'unit', title: t('board.charts.byUnit'),
      body: <EChart label={t('board.charts.byUnit')} height={Math.max(h, Math.min(c.byUnit.length, compact ? 8 : 15) * 26 + 60)} option={unitOption(c.byUnit, t, compact)} onClick={onClick} />,
    }] : []),
  ];
  const smallSpan = small.length === 3 ? 8 : 12;

  return (
    <Row gutter={[16, 16]}>
      {leading ? <Col xs={24} xl={10}>{leading}</Col> : null}
      <Col xs={24} xl={14}>
        <ChartCard title={t('board.charts.weekly')} hint={t('board.charts.clickHint')}>
          <EChart label={t('board.charts.weekly')} height={h} option={weeklyOption(c.weekly, t, compact)} onClick={onClick} />
        </ChartCard>
      </Col>
      {small.map((chart) => (
        <Col key={chart.key} xs={24} md={12} xl={smallSpan}>
          <ChartCard title={chart.title}>{chart.body}</ChartCard>
        </Col>
      ))}
      {showProjects && c.investmentByProject.length ? (
        <Col xs={24} xl={14}>
          <ChartCard title={t('board.charts.investment')} hint={t('board.charts.investmentHint')}>
            <EChart
              label={t('board.charts.investment')}
              height={Math.max(h, Math.min(c.investmentByProject.length, compact ? 10 : 26) * 30 + 60)}
              option={investmentOption(c.investmentByProject, t, compact)}
              onClick={onClick}
            />
          </ChartCard>
        </Col>
      ) : null}
      {showProjects ? (
        <Col xs={24} xl={10}>
          <ChartCard title={t('board.charts.map')} hint={t('board.charts.mapHint')}>
            <ProjectMapChart height={compact ? 320 : 420} />
          </ChartCard>
        </Col>
      ) : null}
    </Row>
  );
}

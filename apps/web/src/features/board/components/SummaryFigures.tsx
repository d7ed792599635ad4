import type { ReactNode } from 'react';
import { Card, Col, Flex, Progress, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSummary, Rate } from '@liaison/contracts';
import { formatWan } from '../../../shared/format';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { LIGHT_COLORS } from '../charts/options';
import { drillTarget, ratePercent } from '../period';
import { Figure } from './Figure';

function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

function Grid({ children }: { children: ReactNode[] }) {
  const isMobile = useIsMobile();
  const columns = isMobile ? 'repeat(2, minmax(0, 1fr))' : 'repeat(auto-fit, minmax(96px, 1fr))';
  return <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 8 }}>{children}</div>;
}

function ProjectLights({ p }: { p: NonNullable<BoardSummary['projects']> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('board.projectsByLight')}>
      <Grid>
        {[
          <Figure key="total" label={t('board.projectsTotal')} value={p.total.n} drill={p.total.drill} name={`${t('board.projectsTotal')} ${p.total.n}`} />,
          ...(['green', 'yellow', 'red'] as const).map((l) => (
            <Figure key={l} label={t(`light.${l}`)} value={p[l].n} drill={p[l].drill} color={LIGHT_COLORS[l]} name={`${t(`light.${l}`)} ${p[l].n}`} />
          )),
        ]}
      </Grid>
    </Section>
  );
}

function Investment({ inv }: { inv: NonNullable<BoardSummary['investment']> }) {
  const { t } = useTranslation();
  const to = drillTarget(inv.drill);
  const line = (label: string, value: number | null, sub: string, color?: string) => (
    <div>
      <Flex justify="space-between" gap={8}>
        <Typography.Text style={{ fontSize: 13 }}>{label}</Typography.Text>
        <Typography.Text strong>{value === null ? '—' : `${value}%`}</Typography.Text>
      </Flex>
      <Progress percent={Math.min(100, value ?? 0)} showInfo={false} size="small" strokeColor={color} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{sub}</Typography.Text>
    </div>
  );
  const behind = inv.percentOfPlanToDate !== null && inv.percentOfPlanToDate < 100;
  return (
    <Section
      title={<span>{t('board.investment')} <Tooltip title={t('board.investmentHint')}><QuestionCircleOutlined style={{ color: '#8c8c8c' }} /></Tooltip></span>}
      extra={to ? <Link to={to}>{t('board.viewProjects')}</Link> : null}
    >
      <Flex vertical gap={8}>
        {line(t('board.investmentOfTotal'), inv.percentOfTotal, t('board.wanOf', { done: formatWan(inv.completed), total: formatWan(inv.totalInvestment) }))}
        {line(t('board.investmentOfAnnual'), inv.percentOfAnnualPlan, t('board.wanOf', { done: formatWan(inv.completedThisYear), total: formatWan(inv.annualPlan) }))}
        {line(
          t('board.investmentOfPlanToDate'),
          inv.percentOfPlanToDate,
          t('board.planToDate', { amount: formatWan(inv.annualPlanToDate) }),
          behind ? '#faad14' : '#52c41a',
        )}
      </Flex>
    </Section>
  );
}

function Cases({ c }: { c: BoardSummary['cases']['total'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('board.cases')}>
      <Grid>
        {[
          <Figure key="open" label={t('board.open')} value={c.open.n} drill={c.open.drill} name={`${t('board.open')} ${c.open.n}`} />,
          <Figure key="overdue" label={t('board.overdue')} value={c.overdue.n} drill={c.overdue.drill} color={c.overdue.n ? '#cf1322' : undefined} name={`${t('board.overdue')} ${c.overdue.n}`} />,
          <Figure key="opened" label={t('board.opened')} value={c.opened.n} drill={c.opened.drill} name={`${t('board.opened')} ${c.opened.n}`} />,
          <Figure key="closed" label={t('board.closed')} value={c.closed.n} drill={c.closed.drill} name={`${t('board.closed')} ${c.closed.n}`} />,
        ]}
      </Grid>
    </Section>
  );
}

function RateFigure({ label, hint, r }: { label: string; hint: string; r: Rate }) {
  const { t } = useTranslation();
  const p = ratePercent(r.rate);
  return (
    <Figure
      label={<Tooltip title={hint}><span>{label}</span></Tooltip>}
      value={p === null ? '—' : p}
      suffix={p === null ? undefined : '%'}
      drill={r.drill}
      name={`${label} ${p === null ? '—' : `${p}%`}`}
      sub={t('board.ofCount', { n: r.numerator, total: r.denominator })}
    />
  );
}

function Rates({ s }: { s: BoardSummary }) {
  const { t } = useTranslation();
  const a = s.avgDaysToClose;
  return (
    <Section title={t('board.rates')}>
      <Grid>
        {[
          <RateFigure key="response" label={t('board.response')} hint={t('board.responseHint')} r={s.rates.response} />,
          <RateFigure key="solve" label={t('board.solve')} hint={t('board.solveHint')} r={s.rates.solve} />,
          <RateFigure key="satisfaction" label={t('board.satisfaction')} hint={t('board.satisfactionHint')} r={s.rates.satisfaction} />,
          <Figure key="days" label={t('board.avgDays')} value={a.days ?? '—'} suffix={a.days === null ? undefined : t('board.workingDaysUnit')} drill={a.drill} sub={t('board.closedCount', { count: a.closed })} name={`${t('board.avgDays')} ${a.days ?? '—'}`} />,
        ]}
      </Grid>
    </Section>
  );
}

function Services({ s }: { s: BoardSummary }) {
  const { t } = useTranslation();
  const v = s.services;
  const r = s.resolutions;
  const one = (key: keyof typeof v) => {
    const f = v[key];
    return f ? (
      <Figure key={key} label={t(`board.services.${key}`)} value={f.n} drill={f.drill} color={f.n ? '#cf1322' : undefined} name={`${t(`board.services.${key}`)} ${f.n}`} />
    ) : (
      <Figure key={key} label={t(`board.services.${key}`)} value="—" sub={t('board.notReported')} />
    );
  };
  return (
    <Section title={t('board.servicesTitle')}>
      <Grid>
        {[
          one('openHazards'),
          one('stopWorkSites'),
          one('approvalsStuck'),
          one('highRiskDisputes'),
          <Figure
            key="resolutions"
            label={t('board.resolutionsOnTime')}
            value={`${r.doneOnTime}/${r.total}`}
            drill={r.drill}
            sub={t('board.resolutionsSub', { open: r.open, done: r.done, inPeriod: r.doneOnTimeInPeriod })}
            name={`${t('board.resolutionsOnTime')} ${r.doneOnTime}/${r.total}`}
          />,
        ]}
      </Grid>
    </Section>
  );
}

/** The summary figures: projects by light, investment, cases, the three rates, services and resolutions. */
export function SummaryFigures({ summary: s }: { summary: BoardSummary }) {
  return (
    <Row gutter={[16, 16]}>
      {s.projects ? <Col xs={24} lg={12}><ProjectLights p={s.projects} /></Col> : null}
      {s.investment ? <Col xs={24} lg={12} xxl={12}><Investment inv={s.investment} /></Col> : null}
      <Col xs={24} lg={12}><Cases c={s.cases.total} /></Col>
      <Col xs={24} lg={12}><Rates s={s} /></Col>
      <Col xs={24}><Services s={s} /></Col>
    </Row>
  );
}

import { useState } from 'react';
import { Card, Empty, Flex, Select, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { commissionerSorts, unitSorts, type Rate } from '@liaison/contracts';
import { LightDot } from '../../../shared/ui/tags';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useCan } from '../../session/api';
import { useCommissionerRanks, useUnitRanks, type DashboardCommissioner, type DashboardUnit, type Period } from '../api';
import { drillTarget, ratePercent } from '../period';

function Num({ f, danger }: { f: { n: number; drill: string }; danger?: boolean }) {
  const to = drillTarget(f.drill);
  const style = { color: danger && f.n ? '#cf1322' : undefined };
  return to ? <Link to={to} style={style}>{f.n}</Link> : <span>{f.n}</span>;
}

function RateCell({ r }: { r: Rate }) {
  const { t } = useTranslation();
  const p = ratePercent(r.rate);
  const to = drillTarget(r.drill);
  const text = p === null ? '—' : `${p}%`;
  return (
    <Flex vertical align="flex-end">
      {to ? <Link to={to}>{text}</Link> : <span>{text}</span>}
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t('board.ofCount', { n: r.numerator, total: r.denominator })}</Typography.Text>
    </Flex>
  );
}

export function CommissionerRanking({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<(typeof commissionerSorts)[number]>('-casesClosed');
  const list = useCommissionerRanks({ ...period, page, pageSize: 10, sort });
  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const columns: TableProps<DashboardCommissioner>['columns'] = [
    {
      key: 'who', title: t('board.commissioner'), fixed: 'left', width: 150,
      render: (_, c) => (
        <Flex vertical>
          <span>{c.user.displayName}</span>
          <Link to={`/projects/${c.project.id}`} style={{ fontSize: 12 }}><LightDot light={c.project.light as 'green'} />{c.project.name}</Link>
        </Flex>
      ),
    },
    { key: 'days', title: t('board.daysOnSite'), width: 90, align: 'right', render: (_, c) => c.daysOnSiteThisMonth },
    { key: 'logs', title: t('board.siteLogs'), width: 80, align: 'right', render: (_, c) => c.siteLogsThisMonth },
    { key: 'raised', title: t('board.casesRaised'), width: 80, align: 'right', render: (_, c) => <Num f={c.casesRaised} /> },
    { key: 'opened', title: t('board.casesOpened'), width: 80, align: 'right', render: (_, c) => <Num f={c.casesOpened} /> },
    { key: 'closed', title: t('board.casesClosed'), width: 80, align: 'right', render: (_, c) => <Num f={c.casesClosed} /> },
    { key: 'avg', title: t('board.avgDays'), width: 90, align: 'right', render: (_, c) => c.avgDaysToClose ?? '—' },
    { key: 'open', title: t('board.open'), width: 70, align: 'right', render: (_, c) => <Num f={c.open} /> },
    { key: 'overdue', title: t('board.overdue'), width: 70, align: 'right', render: (_, c) => <Num f={c.overdue} danger /> },
  ];
  return (
    <>
      <Select size="small" value={sort} onChange={(v) => { setSort(v); setPage(1); }} aria-label={t('board.sortBy')} style={{ width: 200, marginBottom: 8 }}
        options={commissionerSorts.map((s) => ({ value: s, label: t(`board.commissionerSort.${s.replace('-', 'desc_')}`) }))} />
      <Table<DashboardCommissioner>
        rowKey={(c) => `${c.user.id}-${c.project.id}`}
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.noCommissioners')} /> }}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
      />
    </>
  );
}

export function UnitRanking({ period, kind, initialSort = 'solve', pageSize = 10 }: { period: Period; kind: 'department' | 'street' | 'all'; initialSort?: (typeof unitSorts)[number]; pageSize?: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<(typeof unitSorts)[number]>(initialSort);
  const list = useUnitRanks({ ...period, page, pageSize, kind, sort });
  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const columns: TableProps<DashboardUnit>['columns'] = [
    { key: 'rank', title: t('board.rank'), width: 56, align: 'center', fixed: 'left', render: (_, u) => u.rank },
    { key: 'unit', title: t('board.unit'), width: 140, fixed: 'left', render: (_, u) => u.unit.name },
    { key: 'assigned', title: t('board.assigned'), width: 80, align: 'right', render: (_, u) => u.assigned },
    { key: 'returned', title: t('board.returned'), width: 70, align: 'right', render: (_, u) => u.returned },
    { key: 'response', title: t('board.response'), width: 90, align: 'right', render: (_, u) => <RateCell r={u.response} /> },
    { key: 'solve', title: t('board.solve'), width: 90, align: 'right', render: (_, u) => <RateCell r={u.solve} /> },
    { key: 'satisfaction', title: t('board.satisfaction'), width: 90, align: 'right', render: (_, u) => <RateCell r={u.satisfaction} /> },
    { key: 'open', title: t('board.open'), width: 70, align: 'right', render: (_, u) => <Num f={u.open} /> },
    { key: 'overdue', title: t('board.overdue'), width: 70, align: 'right', render: (_, u) => <Num f={u.overdue} danger /> },
  ];
  return (
    <>
      <Select size="small" value={sort} onChange={(v) => { setSort(v); setPage(1); }} aria-label={t('board.sortBy')} style={{ width: 200, marginBottom: 8 }}
        options={unitSorts.map((s) => ({ value: s, label: t(`board.unitSort.${s}`) }))} />
      <Table<DashboardUnit>
        rowKey={(u) => u.unit.id}
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.noUnits')} /> }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, size: 'small', onChange: setPage }}
      />
    </>
  );
}

/** Rankings: commissioners, departments, streets (each shown to those who may read it). */
export function Rankings({ period }: { period: Period }) {
  const { t } = useTranslation();
  const canCommissioners = useCan('board.commissioners');
  const canUnits = useCan('board.units');
  const items = [
    ...(canCommissioners ? [{ key: 'commissioners', label: t('board.rankCommissioners'), children: <CommissionerRanking period={period} /> }] : []),
    ...(canUnits
      ? [
          { key: 'departments', label: t('board.rankDepartments'), children: <UnitRanking period={period} kind="department" /> },
          { key: 'streets', label: t('board.rankStreets'), children: <UnitRanking period={period} kind="street" /> },
        ]
      : []),
  ];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('board.rankings')}>
      <Tabs size="small" items={items} destroyOnHidden />
    </Card>
  );
}

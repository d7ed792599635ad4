import { useState } from 'react';
import { Card, Empty, Flex, List, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LightReason } from '@liaison/contracts';
import { LightTag } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useDashboardProjects, type DashboardProject } from '../api';
import { drillTarget } from '../period';

export function ReasonList({ reasons }: { reasons: LightReason[] }) {
  const { t } = useTranslation();
  if (!reasons.length) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16, fontSize: 12 }} aria-label={t('board.reasons')}>
      {reasons.map((r) => (
        <li key={r.rule} style={{ color: r.level === 'red' ? '#cf1322' : '#ad6800' }}>
          {t('board.reasonText', { rule: t(`board.rules.${r.rule}`), value: r.value, threshold: r.threshold, level: t(`light.${r.level}`) })}
        </li>
      ))}
    </ul>
  );
}

/** The composite light of a project with the reasons the rules give (and the rules' light when it differs). */
export function CompositeLight({ p }: { p: DashboardProject }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span><LightTag light={p.light} /></span>
      {p.computedLight && p.computedLight !== p.light ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('board.rulesWouldGive', { light: t(`light.${p.computedLight}`) })}</Typography.Text>
      ) : null}
      <ReasonList reasons={p.reasons} />
    </Flex>
  );
}

function Num({ f, danger }: { f: { n: number; drill: string }; danger?: boolean }) {
  const to = drillTarget(f.drill);
  const style = { color: danger && f.n ? '#cf1322' : undefined };
  return to ? <Link to={to} style={style}>{f.n}</Link> : <span>{f.n}</span>;
}

const SORTS = ['light', 'overdue', 'gap', 'code'] as const;

/** Projects worst first: composite light with reasons, investment against 序时进度, open and overdue cases. */
export function ProjectLightTable() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<(typeof SORTS)[number]>('light');
  const [light, setLight] = useState<string | undefined>();
  const list = useDashboardProjects({ page, pageSize: 10, sort, light });
  const controls = (
    <Flex gap={8} wrap>
      <Select size="small" value={light} allowClear placeholder={t('board.allLights')} aria-label={t('board.filterLight')} style={{ width: 110 }}
        onChange={(v?: string) => { setLight(v); setPage(1); }}
        options={(['red', 'yellow', 'green'] as const).map((l) => ({ value: l, label: t(`light.${l}`) }))} />
      <Select size="small" value={sort} aria-label={t('board.sortBy')} style={{ width: 150 }}
        onChange={(v) => { setSort(v); setPage(1); }}
        options={SORTS.map((s) => ({ value: s, label: t(`board.projectSort.${s}`) }))} />
    </Flex>
  );
  const gapText = (p: DashboardProject) =>
    p.investment.percentOfPlanToDate === null ? '—' : `${p.investment.percentOfPlanToDate}%`;
  const pagination = { current: page, pageSize: 10, total: list.data?.total ?? 0, size: 'small' as const, onChange: setPage };
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={light ? t('board.noProjectsLight') : t('board.noProjects')} />;

  const columns: TableProps<DashboardProject>['columns'] = [
    {
      key: 'project', title: t('board.project'), width: 260,
      render: (_, p) => (
        <Flex vertical>
          <Link to={`/projects/${p.project.id}`}>{p.project.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[p.project.code, p.street?.name, p.commissioner?.displayName].filter(Boolean).join(' · ')}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'light', title: t('board.compositeLight'), width: 280, render: (_, p) => <CompositeLight p={p} /> },
    {
      key: 'gap', title: t('board.vsPlanToDate'), width: 130, align: 'right',
      render: (_, p) => (
        <Flex vertical align="flex-end">
          <span>{gapText(p)}</span>
          {p.investment.gap !== null && p.investment.gap > 0 ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('board.behindBy', { n: p.investment.gap })}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'open', title: t('board.open'), width: 70, align: 'right', render: (_, p) => <Num f={p.open} /> },
    { key: 'overdue', title: t('board.overdue'), width: 70, align: 'right', render: (_, p) => <Num f={p.overdue} danger /> },
  ];

  return (
    <Card size="small" title={t('board.projectLights')} extra={isMobile ? null : controls}>
      {isMobile ? <div style={{ marginBottom: 8 }}>{controls}</div> : null}
      {isMobile ? (
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: empty }}
          pagination={pagination}
          renderItem={(p) => (
            <List.Item key={p.project.id}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Link to={`/projects/${p.project.id}`}>{p.project.name}</Link>
                  <LightTag light={p.light} />
                </Flex>
                {p.computedLight && p.computedLight !== p.light ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('board.rulesWouldGive', { light: t(`light.${p.computedLight}`) })}</Typography.Text>
                ) : null}
                <ReasonList reasons={p.reasons} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('board.vsPlanToDate')} {gapText(p)} · {t('board.open')} <Num f={p.open} /> · {t('board.overdue')} <Num f={p.overdue} danger />
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<DashboardProject> rowKey={(p) => p.project.id} size="small" scroll={{ x: 'max-content' }} loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} pagination={pagination} locale={{ emptyText: empty }} />
      )}
    </Card>
  );
}

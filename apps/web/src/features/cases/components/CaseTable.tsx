import { useState } from 'react';
import { App, Button, Dropdown, Empty, Flex, Segmented, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/errors';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { sortFromSorter, sortOrderOf, useListParams } from '../../../shared/url';
import { useCan, useCurrentSession } from '../../session/api';
import { exportCases, useCases, type Case } from '../api';
import { BulkDispatchModal } from './BulkDispatchModal';
import { CaseFilters, CASE_FILTERS } from './CaseFilters';
import { CaseLightTag, CaseStatusTag, DaysLeft, SupervisionTag } from './CaseTags';

const VIEWS = ['all', 'todo', 'unit', 'overdue'] as const;

/** The case list: saved views, search, filters, sort, paging, export, bulk dispatch. Fixed to a project on its page. */
export default function CaseTable({ projectId, showViews = false }: { projectId?: string; showViews?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const session = useCurrentSession();
  const canExport = useCan('case.export');
  const canCreate = useCan('case.create');
  // Bulk dispatch is offered to dispatchers' roles; the server decides for each case and says why it refused.
  const mayDispatch = session.roles.some((r) => r === 'commissioner' || r === 'org_admin');
  const { params, update, pageSizeOptions } = useListParams(CASE_FILTERS);
  const query = { ...params.filters, ...(projectId ? { projectId } : {}), sort: params.sort ?? 'deadline' };
  const list = useCases({ ...query, page: params.page, pageSize: params.pageSize });
  const [selected, setSelected] = useState<string[]>([]);
  const [dispatching, setDispatching] = useState(false);
  const [exporting, setExporting] = useState(false);
  const filtered = CASE_FILTERS.some((f) => f !== 'view' && params.filters[f]);

  const doExport = (format: 'xlsx' | 'csv') => {
    setExporting(true);
    exportCases(format, query).catch((e: unknown) => message.error(errorMessage(e, t))).finally(() => setExporting(false));
  };
  const sorter = (field: string) => ({ sorter: true, sortOrder: sortOrderOf(params.sort ?? 'deadline', field) });

  const columns: TableProps<Case>['columns'] = [
    {
      key: 'number', dataIndex: 'number', title: t('cases.number'), width: isMobile ? undefined : 320, ...sorter('number'),
      render: (_, c) => (
        <Flex vertical>
          <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.number}{projectId ? '' : ` · ${c.project.name}`}
          </Typography.Text>
          {isMobile ? <span><CaseStatusTag status={c.status} /> <DaysLeft c={c} /></span> : null}
        </Flex>
      ),
    },
    { key: 'type', title: t('cases.type'), width: 110, responsive: ['lg'], render: (_, c) => t(`caseType.${c.type}`) },
    { key: 'status', title: t('cases.status'), width: 100, responsive: ['md'], render: (_, c) => <CaseStatusTag status={c.status} /> },
    { key: 'light', title: t('cases.light'), width: 92, render: (_, c) => <CaseLightTag light={c.light} /> },
    {
      key: 'deadline', dataIndex: 'deadline', title: t('cases.deadline'), width: 150, responsive: ['md'], ...sorter('deadline'),
      render: (_, c) => <Flex vertical><span>{formatDateTime(c.deadline ?? c.signDeadline)}</span><DaysLeft c={c} /></Flex>,
    },
    { key: 'supervisionLevel', dataIndex: 'supervisionLevel', title: t('cases.supervision'), width: 120, responsive: ['lg'], ...sorter('supervisionLevel'), render: (v: number) => <SupervisionTag level={v} /> },
    { key: 'unit', title: t('cases.leadUnit'), width: 130, responsive: ['xl'], render: (_, c) => c.leadUnit?.name ?? '—' },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('cases.createdAt'), width: 140, responsive: ['xl'], ...sorter('createdAt'), render: (v: string) => formatDateTime(v) },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const empty = (
    <Empty description={filtered ? t('cases.emptyFiltered') : params.filters.view === 'todo' ? t('cases.emptyTodo') : canCreate ? t('cases.emptyCreator') : t('cases.empty')}>
      {filtered ? <Button size="small" onClick={() => update(Object.fromEntries(CASE_FILTERS.filter((f) => f !== 'view').map((f) => [f, undefined])))}>{t('common.clearFilters')}</Button> : null}
    </Empty>
  );

  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        {showViews ? (
          <Segmented
            value={params.filters.view ?? 'all'}
            onChange={(v) => update({ view: v === 'all' ? undefined : String(v) })}
            options={VIEWS.map((v) => ({ value: v, label: t(`cases.view.${v}`) }))}
          />
        ) : <span />}
        <Flex gap={8} wrap>
          {mayDispatch && selected.length ? (
            <Button icon={<SendOutlined />} onClick={() => setDispatching(true)}>{t('cases.bulkDispatch', { count: selected.length })}</Button>
          ) : null}
          {canExport ? (
            <Dropdown trigger={['click']} menu={{ items: [{ key: 'xlsx', label: t('common.exportXlsx') }, { key: 'csv', label: t('common.exportCsv') }], onClick: ({ key }) => doExport(key as 'xlsx' | 'csv') }}>
              <Button icon={<DownloadOutlined />} loading={exporting}>{t('common.export')}</Button>
            </Dropdown>
          ) : null}
          {canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(projectId ? `/cases/new?projectId=${projectId}` : '/cases/new')}>{t('cases.new')}</Button>
          ) : null}
        </Flex>
      </Flex>
      <CaseFilters filters={params.filters} update={update} fixedProject={!!projectId} />
      <Table<Case>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isPending ? ' ' : empty }}
        rowSelection={mayDispatch ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), columnWidth: 36 } : undefined}
        rowClassName={(c) => `liaison-clickable-row${c.overdue ? ' liaison-row-late' : ''}`}
        onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`) })}
        onChange={(pagination, _f, s, extra) => {
          if (extra.action === 'sort') update({ sort: sortFromSorter(s) });
          else if (extra.action === 'paginate') update({ page: pagination.current && pagination.current > 1 ? pagination.current : undefined, pageSize: pagination.pageSize !== 20 ? pagination.pageSize : undefined }, false);
        }}
        pagination={{ current: params.page, pageSize: params.pageSize, total: list.data?.total ?? 0, showSizeChanger: !isMobile, pageSizeOptions, simple: isMobile, showTotal: isMobile ? undefined : (n) => t('common.totalItems', { count: n }) }}
      />
      {dispatching ? <BulkDispatchModal caseIds={selected} onClose={(done) => { setDispatching(false); if (done) setSelected([]); }} /> : null}
    </>
  );
}

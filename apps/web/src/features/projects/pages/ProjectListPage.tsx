import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Dropdown, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EnvironmentOutlined, ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectLights, projectPhases, type Project } from '@liaison/contracts';
import { errorMessage } from '../../../shared/api/errors';
import { formatDate, formatWan } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { LightTag, PhaseTag } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { sortFromSorter, sortOrderOf, useListParams } from '../../../shared/url';
import { useCan } from '../../session/api';
import { exportProjects, useProjects, useStreets, type ProjectFilters } from '../api';

const FILTERS = ['q', 'streetId', 'phase', 'light', 'includeArchived'] as const;

export default function ProjectListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const canExport = useCan('project.export');
  const canManage = useCan('project.manage');
  const { params, update, pageSizeOptions } = useListParams(FILTERS);
  const filters: ProjectFilters = { ...params.filters, sort: params.sort };
  const list = useProjects({ ...filters, page: params.page, pageSize: params.pageSize });
  const streets = useStreets();
  const [exporting, setExporting] = useState(false);
  const [search, setSearch] = useState(params.filters.q ?? '');
  const hasFilters = FILTERS.some((f) => params.filters[f]);
  const urlQ = params.filters.q ?? '';
  useEffect(() => setSearch(urlQ), [urlQ]);

  const doExport = (format: 'xlsx' | 'csv') => {
    setExporting(true);
    exportProjects(format, filters)
      .catch((e: unknown) => message.error(errorMessage(e, t)))
      .finally(() => setExporting(false));
  };

  const columns: TableProps<Project>['columns'] = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('projects.code'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'code'),
      width: 140,
      render: (code: string) => <span style={{ whiteSpace: 'nowrap' }}>{code}</span>,
      responsive: ['md'],
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('projects.name'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'name'),
      fixed: isMobile ? undefined : 'left',
      width: isMobile ? undefined : 260,
      render: (name: string, p) => (
        <Flex vertical>
          <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {isMobile ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.street?.name ?? ''} {p.commissioner ? `· ${p.commissioner.displayName}` : ''}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'light',
      dataIndex: 'light',
      title: t('projects.light'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'light'),
      width: isMobile ? 84 : 96,
      render: (light: Project['light']) => <LightTag light={light} />,
    },
    {
      key: 'phase',
      dataIndex: 'phase',
      title: t('projects.phase'),
      width: 140,
      responsive: ['md'],
      render: (phase: Project['phase']) => <PhaseTag phase={phase} />,
    },
    {
      key: 'street',
      title: t('projects.street'),
      width: 110,
      responsive: ['xxl'],
      render: (_, p) => p.street?.name ?? '—',
    },
    {
      key: 'commissioner',
      title: t('projects.commissioner'),
      width: 125,
      responsive: ['md'],
      render: (_, p) => p.commissioner?.displayName ?? '—',
    },
    {
      key: 'totalInvestment',
      dataIndex: 'totalInvestment',
      title: t('projects.totalInvestmentWan'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'totalInvestment'),
      align: 'right',
      width: isMobile ? 100 : 140,
      render: (v: number) => formatWan(v),
    },
    {
      key: 'plannedFinish',
      dataIndex: 'plannedFinish',
      title: t('projects.plannedFinish'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'plannedFinish'),
      width: 110,
      responsive: ['md'],
      render: (v: string | null) => formatDate(v),
    },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const empty = (
    <Empty
      description={
        hasFilters ? (
          <Flex vertical gap={4} align="center">
            <span>{t('projects.emptyFiltered')}</span>
            <Button
              size="small"
              onClick={() => {
                setSearch('');
                update({ q: undefined, streetId: undefined, phase: undefined, light: undefined, includeArchived: undefined });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </Flex>
        ) : (
          t('projects.emptyNone')
        )
      }
    />
  );

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        sub={list.data ? t('projects.total', { count: list.data.total }) : undefined}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} aria-label={t('common.refresh')}>
              {isMobile ? null : t('common.refresh')}
            </Button>
            <Button icon={<EnvironmentOutlined />} onClick={() => navigate('/map')} aria-label={t('nav.map')}>
              {isMobile ? null : t('nav.map')}
            </Button>
            {canManage ? (
              <Button icon={<ImportOutlined />} onClick={() => navigate('/projects/import')}>
                {t('import.short')}
              </Button>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
                {t('projects.create')}
              </Button>
            ) : null}
            {canExport ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'xlsx', label: t('common.exportXlsx') },
                    { key: 'csv', label: t('common.exportCsv') },
                  ],
                  onClick: ({ key }) => doExport(key as 'xlsx' | 'csv'),
                }}
              >
                <Button icon={<DownloadOutlined />} loading={exporting}>
                  {t('common.export')}
                </Button>
              </Dropdown>
            ) : null}
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('projects.searchPlaceholder')}
          aria-label={t('projects.search')}
          style={{ width: isMobile ? '100%' : 280 }}
          enterButton
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={params.filters.streetId}
          onChange={(v?: string) => update({ streetId: v })}
          placeholder={t('projects.street')}
          aria-label={t('projects.street')}
          loading={streets.isLoading}
          options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 180 }}
        />
        <Select
          allowClear
          value={params.filters.phase}
          onChange={(v?: string) => update({ phase: v })}
          placeholder={t('projects.phase')}
          aria-label={t('projects.phase')}
          options={projectPhases.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
        />
        <Select
          allowClear
          value={params.filters.light}
          onChange={(v?: string) => update({ light: v })}
          placeholder={t('projects.light')}
          aria-label={t('projects.light')}
          options={projectLights.map((l) => ({ value: l, label: t(`light.${l}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 130 }}
        />
        <Checkbox
          checked={params.filters.includeArchived === 'true'}
          onChange={(e) => update({ includeArchived: e.target.checked ? 'true' : undefined })}
          style={{ alignSelf: 'center' }}
        >
          {t('projects.includeArchived')}
        </Checkbox>
      </Flex>
      <Table<Project>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isPending ? ' ' : empty }}
        scroll={{ x: isMobile ? undefined : 1000 }}
        rowClassName={() => 'liaison-clickable-row'}
        onRow={(p) => ({ onClick: () => navigate(`/projects/${p.id}`) })}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            update({ sort: sortFromSorter(sorter) });
          } else if (extra.action === 'paginate') {
            update(
              {
                page: pagination.current && pagination.current > 1 ? pagination.current : undefined,
                pageSize: pagination.pageSize && pagination.pageSize !== 20 ? pagination.pageSize : undefined,
              },
              false,
            );
          }
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !isMobile,
          pageSizeOptions,
          simple: isMobile,
          showTotal: isMobile ? undefined : (total) => t('common.totalItems', { count: total }),
        }}
      />
    </>
  );
}

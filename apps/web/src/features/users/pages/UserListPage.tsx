import { useEffect, useState } from 'react';
import { Button, Dropdown, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { MenuProps, TableProps } from 'antd';
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { roles, type User } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ActiveTag, RoleTags } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { sortFromSorter, sortOrderOf, useListParams } from '../../../shared/url';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useUnlockUser, useUpdateUser, useUsers } from '../api';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserFormModal } from '../components/UserFormModal';

const FILTERS = ['q', 'unitId', 'role', 'isActive'] as const;

export default function UserListPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const { modal } = App.useApp();
  const { params, update, pageSizeOptions } = useListParams(FILTERS);
  const list = useUsers({ ...params.filters, sort: params.sort, page: params.page, pageSize: params.pageSize });
  const patch = useUpdateUser();
  const unlock = useUnlockUser();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<User | undefined>();
  const [resetting, setResetting] = useState<User | null>(null);
  const [search, setSearch] = useState(params.filters.q ?? '');
  const urlQ = params.filters.q ?? '';
  useEffect(() => setSearch(urlQ), [urlQ]);

  const setActive = (u: User, isActive: boolean) =>
    patch.mutate(
      { id: u.id, version: u.version, isActive },
      {
        onSuccess: () => feedback.success(isActive ? 'users.enabled' : 'users.disabled'),
        onError: (e) => feedback.error(e, { onStale: () => void list.refetch() }),
      },
    );

  const actionsFor = (u: User): MenuProps['items'] => [
    { key: 'reset', label: t('users.resetPassword') },
    { key: 'unlock', label: t('users.unlock') },
    u.isActive ? { key: 'disable', label: t('common.disable'), danger: true } : { key: 'enable', label: t('common.enable') },
  ];

  const onAction = (u: User, key: string) => {
    if (key === 'reset') setResetting(u);
    else if (key === 'unlock') {
      modal.confirm({
        title: t('users.unlockConfirm', { name: u.displayName }),
        okText: t('users.unlock'),
        cancelText: t('common.cancel'),
        onOk: () =>
          unlock.mutateAsync(u.id).then(
            () => feedback.success('users.unlocked'),
            (e: unknown) => void feedback.error(e),
          ),
      });
    } else if (key === 'disable') {
      modal.confirm({
        title: t('users.disableConfirm', { name: u.displayName }),
        content: t('users.disableHint'),
        okText: t('common.disable'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => setActive(u, false),
      });
    } else if (key === 'enable') setActive(u, true);
  };

  const columns: TableProps<User>['columns'] = [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('users.username'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'username'),
      width: 140,
    },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('users.displayName'),
      sorter: true,
      sortOrder: sortOrderOf(params.sort, 'displayName'),
      render: (name: string, u) => (
        <Flex vertical>
          <span>{name}</span>
          {u.mustChangePassword ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('users.mustChange')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'unit', title: t('users.unit'), responsive: ['md'], render: (_, u) => u.unit?.name ?? '—' },
    { key: 'roles', title: t('users.roles'), render: (_, u) => <RoleTags roles={u.roles} /> },
    {
      key: 'isActive',
      dataIndex: 'isActive',
      title: t('users.isActive'),
      width: 90,
      render: (v: boolean) => <ActiveTag active={v} />,
    },
    {
      key: 'totp',
      dataIndex: 'totpEnabled',
      title: t('users.totp'),
      width: 100,
      responsive: ['lg'],
      render: (v: boolean) => (v ? <Tag color="green">{t('common.on')}</Tag> : <Tag>{t('common.off')}</Tag>),
    },
    {
      key: 'lastSignInAt',
      dataIndex: 'lastSignInAt',
      title: t('users.lastSignInAt'),
      responsive: ['lg'],
      width: 160,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      fixed: isMobile ? undefined : 'right',
      render: (_, u) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(u);
              setFormOpen(true);
            }}
          >
            {t('common.edit')}
          </Button>
          <Dropdown trigger={['click']} menu={{ items: actionsFor(u), onClick: ({ key }) => onAction(u, key) }}>
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('common.more')} />
          </Dropdown>
        </Flex>
      ),
    },
  ];

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        sub={list.data ? t('common.totalItems', { count: list.data.total }) : undefined}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setFormOpen(true);
            }}
          >
            {t('users.create')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common.search')}
          style={{ width: isMobile ? '100%' : 240 }}
          enterButton
        />
        <UnitSelect
          value={params.filters.unitId ?? null}
          onChange={(v) => update({ unitId: v ?? undefined })}
          placeholder={t('users.unit')}
          aria-label={t('users.unit')}
          style={{ width: isMobile ? '100%' : 220 }}
        />
        <Select
          allowClear
          value={params.filters.role}
          onChange={(v?: string) => update({ role: v })}
          placeholder={t('users.role')}
          aria-label={t('users.role')}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 160 }}
        />
        <Select
          allowClear
          value={params.filters.isActive}
          onChange={(v?: string) => update({ isActive: v })}
          placeholder={t('users.isActive')}
          aria-label={t('users.isActive')}
          options={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
        />
      </Flex>
      <Table<User>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        onChange={(pagination, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortFromSorter(sorter) });
          else if (extra.action === 'paginate')
            update(
              {
                page: pagination.current && pagination.current > 1 ? pagination.current : undefined,
                pageSize: pagination.pageSize !== 20 ? pagination.pageSize : undefined,
              },
              false,
            );
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: !isMobile,
          pageSizeOptions,
          simple: isMobile,
        }}
      />
      <UserFormModal open={formOpen} user={editing} onClose={() => setFormOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

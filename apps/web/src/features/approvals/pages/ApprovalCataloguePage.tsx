import { useState } from 'react';
import { App, Button, Card, Collapse, Dropdown, Empty, Flex, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, EllipsisOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ActiveTag } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCan } from '../../session/api';
import { useApprovalItems, useApprovalTemplates, useDeleteApprovalItem, useUpdateApprovalItem, type ApprovalItem, type ApprovalTemplate } from '../api';
import { ApprovalItemFormModal } from '../components/ApprovalItemFormModal';
import { approvalSections } from '../components/approvalSections';
import { SectionNav } from '../components/SectionNav';
import { TemplateFormModal } from '../components/TemplateFormModal';

/** The catalogue of approval items (审批事项) and the chain templates; the admin and the organisation dept edit them. */
export default function ApprovalCataloguePage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const canEdit = useCan('approval.catalogue');
  const feedback = useFeedback();
  const [showInactive, setShowInactive] = useState(false);
  const items = useApprovalItems(showInactive);
  const templates = useApprovalTemplates();
  const update = useUpdateApprovalItem();
  const del = useDeleteApprovalItem();
  const [editing, setEditing] = useState<ApprovalItem | 'new' | null>(null);
  const [tpl, setTpl] = useState<ApprovalTemplate | 'new' | null>(null);

  const toggle = (i: ApprovalItem) =>
    modal.confirm({
      title: i.isActive ? t('approvals.retireConfirm', { name: i.name }) : t('approvals.restoreConfirm', { name: i.name }),
      content: i.isActive ? t('approvals.retireHint') : undefined,
      okText: i.isActive ? t('approvals.retire') : t('approvals.restore'),
      okButtonProps: { danger: i.isActive },
      cancelText: t('common.cancel'),
      onOk: () => update.mutateAsync({ id: i.id, version: i.version, isActive: !i.isActive }).then(() => feedback.success('common.saved'), (e: unknown) => void feedback.error(e)),
    });
  const remove = (i: ApprovalItem) =>
    modal.confirm({
      title: t('approvals.deleteConfirm', { name: i.name }),
      content: t('approvals.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => del.mutateAsync(i.id).then(() => feedback.success('approvals.deleted'), (e: unknown) => void feedback.error(e, { messages: { CONFLICT: 'approvals.deleteInUse' } })),
    });

  const materialsList = (i: ApprovalItem) => i.materials.length ? (
    <ol style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>{i.materials.map((m) => <li key={m}>{m}</li>)}</ol>
  ) : <Typography.Text type="secondary">{t('approvals.noMaterials')}</Typography.Text>;
  const actions = (i: ApprovalItem) => (
    <Flex gap={4}>
      <Button size="small" icon={<EditOutlined />} aria-label={t('approvals.itemEdit', { name: i.name })} onClick={() => setEditing(i)} />
      <Dropdown trigger={['click']} menu={{
        items: [
          { key: 'toggle', label: i.isActive ? t('approvals.retire') : t('approvals.restore'), danger: i.isActive },
          { key: 'delete', label: t('common.delete'), danger: true },
        ],
        onClick: ({ key }) => (key === 'toggle' ? toggle(i) : remove(i)),
      }}>
        <Button size="small" icon={<EllipsisOutlined />} aria-label={t('common.more')} />
      </Dropdown>
    </Flex>
  );
  // On a phone one column carries it all; the materials open under the item.
  const columns = isMobile ? [
    {
      key: 'item', title: t('approvals.itemName'),
      render: (_: unknown, i: ApprovalItem) => (
        <Flex vertical gap={2}>
          <Flex justify="space-between" gap={8} align="flex-start">
            <Typography.Text strong>{i.name}{i.isActive ? null : <Tag style={{ marginInlineStart: 6 }}>{t('common.inactive')}</Tag>}</Typography.Text>
            {canEdit ? actions(i) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.code} · {i.authority} · {t(`approvals.level.${i.authorityLevel}`)}</Typography.Text>
          <Typography.Text style={{ fontSize: 13 }}>{t('approvals.statutoryDaysIs', { days: t('common.workingDays', { count: i.statutoryDays }) })}</Typography.Text>
          <Collapse size="small" ghost items={[{ key: 'm', label: t('approvals.materialsCount', { count: i.materials.length }), children: materialsList(i) }]} />
        </Flex>
      ),
    },
  ] : [
    {
      key: 'name', title: t('approvals.itemName'),
      render: (_: unknown, i: ApprovalItem) => (
        <Flex vertical>
          <Typography.Text strong>{i.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.code}</Typography.Text>
          {i.basis ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.basis}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'authority', title: t('approvals.authority'), render: (_: unknown, i: ApprovalItem) => <>{i.authority} <Tag>{t(`approvals.level.${i.authorityLevel}`)}</Tag></> },
    { key: 'days', title: t('approvals.statutoryDays'), width: 96, render: (_: unknown, i: ApprovalItem) => t('common.workingDays', { count: i.statutoryDays }) },
    { key: 'materials', title: t('approvals.materialsList'), responsive: ['lg' as const], render: (_: unknown, i: ApprovalItem) => materialsList(i) },
    { key: 'active', title: t('approvals.activeColumn'), width: 80, render: (_: unknown, i: ApprovalItem) => <ActiveTag active={i.isActive} /> },
    ...(canEdit ? [{ key: 'actions', title: t('common.actions'), width: 96, render: (_: unknown, i: ApprovalItem) => actions(i) }] : []),
  ];

  return (
    <>
      <PageHeader title={t('approvals.catalogueTitle')} sub={t('approvals.catalogueSub')}
        extra={canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('approvals.itemNew')}</Button> : undefined} />
      <SectionNav sections={approvalSections} />
      <Flex vertical gap={12}>
        <Card size="small" title={t('approvals.catalogueItems')} extra={
          <Flex align="center" gap={6}><Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={t('approvals.showRetired')} /><span style={{ fontSize: 12 }}>{t('approvals.showRetired')}</span></Flex>
        }>
          {items.isError ? <ErrorState error={items.error} onRetry={() => void items.refetch()} /> : (
            <Table<ApprovalItem> rowKey="id" size="small" loading={items.isFetching} columns={columns} dataSource={items.data ?? []} pagination={false}
              locale={{ emptyText: <Empty description={canEdit ? t('approvals.catalogueEmptyAdmin') : t('approvals.catalogueEmpty')} /> }} />
          )}
        </Card>
        <Card size="small" title={t('approvals.templates')} extra={canEdit ? <Button size="small" icon={<PlusOutlined />} onClick={() => setTpl('new')}>{t('approvals.templateNew')}</Button> : null}>
          {templates.isError ? <ErrorState error={templates.error} /> : (templates.data ?? []).length === 0 ? (
            <Empty description={t('approvals.templatesEmpty')} />
          ) : (
            <Flex vertical gap={12}>
              {(templates.data ?? []).map((x) => (
                <Flex key={x.category} vertical gap={4}>
                  <Flex justify="space-between" align="center">
                    <Typography.Text strong>{x.category === '*' ? t('approvals.defaultTemplate') : x.category}</Typography.Text>
                    {canEdit ? <Button size="small" type="link" onClick={() => setTpl(x)}>{t('common.edit')}</Button> : null}
                  </Flex>
                  <Flex wrap gap={4}>{x.items.map((i, n) => <Tag key={i.id}>{`${n + 1}. ${i.name}`}</Tag>)}</Flex>
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      </Flex>
      {editing ? <ApprovalItemFormModal item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {tpl ? <TemplateFormModal template={tpl === 'new' ? undefined : tpl} items={items.data ?? []} onClose={() => setTpl(null)} /> : null}
    </>
  );
}

import { useState } from 'react';
import { Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../../shared/api/useFeedback';
import { formatDate } from '../../../../shared/format';
import { ErrorState } from '../../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../../shared/ui/useIsMobile';
import { useDeleteMilestone, useMilestones, type Milestone, type ProjectDetail } from '../../api';
import { MilestoneModal } from '../MilestoneModal';

function StatusTag({ m }: { m: Milestone }) {
  const { t } = useTranslation();
  if (m.isLate) return <Tag color="error">{m.actualDate ? t('milestones.doneLate') : t('milestones.late')}</Tag>;
  if (m.actualDate) return <Tag color="success">{t('milestones.done')}</Tag>;
  return <Tag>{t('milestones.pending')}</Tag>;
}

export default function MilestonesTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const list = useMilestones(project.id);
  const remove = useDeleteMilestone(project.id);
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const canManage = project.allowedActions.includes('manage-milestones');

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {canManage ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>
          {t('milestones.add')}
        </Button>
      ) : null}
      <Table<Milestone>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        rowClassName={(m) => (m.isLate ? 'liaison-row-late' : '')}
        locale={{ emptyText: list.isPending ? ' ' : <Empty description={canManage ? t('milestones.emptyManager') : t('milestones.empty')} /> }}
        columns={[
          {
            key: 'name',
            title: t('milestones.name'),
            render: (_, m) => (
              <Flex vertical>
                <Typography.Text type={m.isLate ? 'danger' : undefined} strong={m.isLate}>
                  {m.name}
                </Typography.Text>
                {m.note ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.note}</Typography.Text> : null}
              </Flex>
            ),
          },
          { key: 'planned', title: t('milestones.plannedDate'), dataIndex: 'plannedDate', width: 110, render: (v: string) => formatDate(v) },
          { key: 'actual', title: t('milestones.actualDate'), dataIndex: 'actualDate', width: 110, render: (v: string | null) => formatDate(v) },
          { key: 'status', title: t('milestones.status'), width: 96, render: (_, m) => <StatusTag m={m} />, responsive: isMobile ? ['sm'] : undefined },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: isMobile ? 72 : 140,
                  render: (_: unknown, m: Milestone) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing(m)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('milestones.deleteConfirm', { name: m.name })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove.mutateAsync(m.id).then(
                            () => feedback.success('milestones.deleted'),
                            (e: unknown) => void feedback.error(e),
                          )
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <MilestoneModal projectId={project.id} milestone={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Flex>
  );
}

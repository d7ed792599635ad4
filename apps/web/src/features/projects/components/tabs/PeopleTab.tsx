import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Popconfirm, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../../shared/api/useFeedback';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { ErrorState } from '../../../../shared/ui/ErrorState';
import { useHandovers, useProjectAssignments, useEndAssignment, type Assignment } from '../../../people/api';
import { HandoverModal } from '../../../people/components/HandoverModal';
import { todayInShanghai } from '../../../site-logs/components/SiteLogForm';
import type { ProjectDetail } from '../../api';

const roleColor = { commissioner: 'blue', assistant: 'green', street_liaison: 'purple' } as const;

export default function PeopleTab({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const assignments = useProjectAssignments(project.id);
  const handovers = useHandovers(project.id);
  const end = useEndAssignment();
  const [handingOver, setHandingOver] = useState(false);
  const canAppoint = project.allowedActions.includes('appoint');

  if (assignments.isError) return <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const all = assignments.data?.items ?? [];
  const person = (a: Assignment) => (
    <Flex vertical>
      <span>
        {a.user.displayName} <Tag color={roleColor[a.role]}>{t(`assignmentRole.${a.role}`)}</Tag>
      </span>
      {a.user.phone ? <a href={`tel:${a.user.phone}`}>{a.user.phone}</a> : null}
      {a.mentor ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('people.mentor', { name: a.mentor.displayName })}</Typography.Text> : null}
    </Flex>
  );
  const columns = (current: boolean) => [
    { key: 'person', title: t('people.person'), render: (_: unknown, a: Assignment) => person(a) },
    { key: 'start', title: t('people.startDate'), dataIndex: 'startDate', width: 110, render: (v: string) => formatDate(v) },
    ...(current
      ? canAppoint
        ? [{
            key: 'actions', title: t('common.actions'), width: 100,
            render: (_: unknown, a: Assignment) =>
              a.role === 'commissioner' ? null : (
                <Popconfirm
                  title={t('people.endConfirm', { name: a.user.displayName })}
                  okText={t('people.end')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => end.mutateAsync({ id: a.id, endDate: todayInShanghai() }).then(() => feedback.success('people.ended'), (e: unknown) => void feedback.error(e))}
                >
                  <Button type="link" danger size="small">{t('people.end')}</Button>
                </Popconfirm>
              ),
          }]
        : []
      : [{ key: 'end', title: t('people.endDate'), dataIndex: 'endDate', width: 110, render: (v: string | null) => formatDate(v) }]),
  ];
  const current = all.filter((a) => a.active);
  const past = all.filter((a) => !a.active);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('people.current')}
        extra={canAppoint && project.commissioner ? (
          <Button size="small" icon={<SwapOutlined />} onClick={() => setHandingOver(true)}>{t('people.handover')}</Button>
        ) : null}
      >
        <Table<Assignment> rowKey="id" size="small" pagination={false} loading={assignments.isFetching} dataSource={current} columns={columns(true)}
          locale={{ emptyText: assignments.isPending ? ' ' : <Empty description={t('people.emptyCurrent')} /> }} />
      </Card>
      <Card size="small" title={t('people.history')}>
        <Table<Assignment> rowKey="id" size="small" pagination={false} dataSource={past} columns={columns(false)}
          locale={{ emptyText: <Empty description={t('people.emptyHistory')} /> }} />
      </Card>
      <Card size="small" title={t('people.handovers')}>
        <List
          dataSource={handovers.data ?? []}
          loading={handovers.isLoading}
          locale={{ emptyText: <Empty description={t('people.emptyHandovers')} /> }}
          renderItem={(h) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>{t('people.handoverLine', { from: h.from.displayName, to: h.to.displayName, date: h.date })}</Typography.Text>
                {h.note ? <Typography.Text>{h.note}</Typography.Text> : null}
                <Typography.Text type="secondary">{h.items.length ? t('people.movedItems', { count: h.items.length }) : t('people.nothingMoved')}</Typography.Text>
                {h.items.length ? (
                  <Flex wrap gap={4}>
                    {h.items.map((i) => <Tag key={`${i.kind}-${i.id}`}>{t(`handoverKind.${i.kind}`, { defaultValue: i.kind })}: {i.label}</Tag>)}
                  </Flex>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(h.createdAt)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {handingOver ? <HandoverModal projectId={project.id} currentUserId={project.commissioner?.id} onClose={() => setHandingOver(false)} /> : null}
    </Flex>
  );
}

import { useState } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Statistic, Timeline, Typography } from 'antd';
import { OrderedListOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useApprovalChain, useReorderApprovals, type ApprovalChain, type ProjectApproval } from '../api';
import { agentsOf } from './AgentSelect';
import { AddApprovalModal, AgentModal, BlockModal, CreateChainModal, EscalateModal, UpdateApprovalModal } from './ApprovalModals';
import { ApprovalStep, type StepAction } from './ApprovalStep';
import { timelineColor } from './ApprovalTags';

/** A project's approval chain as a timeline, with the figures on top and the actions the caller has. */
export function ApprovalChainView({ projectId }: { projectId: string }) {
  const chain = useApprovalChain(projectId);
  if (chain.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (chain.isError) return <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />;
  return <Chain chain={chain.data} />;
}

function Figures({ s }: { s: ApprovalChain['summary'] }) {
  const { t } = useTranslation();
  const figs: [string, number, string?][] = [
    ['total', s.total], ['approved', s.approved, '#389e0d'], ['inProgress', s.inProgress], ['blocked', s.blocked, s.blocked ? '#cf1322' : undefined],
    ['stuck', s.stuck, s.stuck ? '#d46b08' : undefined], ['daysSaved', s.daysSaved, '#389e0d'],
  ];
  return (
    <Card size="small">
      <Flex wrap gap="8px 24px">
        {figs.map(([k, v, color]) => (
          <Statistic key={k} title={t(`approvals.fig.${k}`)} value={v} styles={{ content: { fontSize: 20, color } }} />
        ))}
      </Flex>
    </Card>
  );
}

type Open = { kind: StepAction; id: string } | { kind: 'add' | 'template' } | null;

function Chain({ chain }: { chain: ApprovalChain }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const reorder = useReorderApprovals(chain.project.id);
  const [open, setOpen] = useState<Open>(null);
  const [ordering, setOrdering] = useState(false);
  const agents = agentsOf(chain.items);
  const can = (a: ApprovalChain['allowedActions'][number]) => chain.allowedActions.includes(a);
  const ids = chain.items.map((i) => i.id);
  // The item as the chain has it now (its version moves on with every tick).
  const current: ProjectApproval | undefined = open && 'id' in open ? chain.items.find((i) => i.id === open.id) : undefined;

  const swap = (i: number, j: number) => {
    const next = [...ids];
    [next[i], next[j]] = [next[j]!, next[i]!];
    reorder.mutate(next, { onError: (e) => feedback.error(e) });
  };

  const actions = (
    <Flex wrap gap={8}>
      {can('from-template') && !chain.items.length ? (
        <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setOpen({ kind: 'template' })}>{t('approvals.fromTemplate')}</Button>
      ) : null}
      {can('add') ? <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'add' })}>{t('approvals.add')}</Button> : null}
      {can('reorder') && chain.items.length > 1 ? (
        <Button icon={<OrderedListOutlined />} type={ordering ? 'primary' : 'default'} onClick={() => setOrdering((o) => !o)}>
          {ordering ? t('approvals.reorderDone') : t('approvals.reorder')}
        </Button>
      ) : null}
    </Flex>
  );

  return (
    <Flex vertical gap={12}>
      {chain.items.length ? <Figures s={chain.summary} /> : null}
      {actions}
      {chain.items.length === 0 ? (
        <Card>
          <Empty description={can('from-template') ? t('approvals.emptyManager', { category: chain.project.category }) : t('approvals.empty')} />
        </Card>
      ) : (
        <Card size="small">
          {chain.summary.firstDate ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('approvals.span', { from: chain.summary.firstDate, to: chain.summary.lastDate ?? '—' })}
            </Typography.Paragraph>
          ) : null}
          <Timeline
            items={chain.items.map((a, i) => ({
              key: a.id,
              color: timelineColor(a.status, a.isBlocked),
              content: (
                <ApprovalStep
                  projectId={chain.project.id}
                  item={a}
                  onAction={(kind) => setOpen({ kind, id: a.id })}
                  move={ordering ? { up: i > 0 ? () => swap(i, i - 1) : undefined, down: i < ids.length - 1 ? () => swap(i, i + 1) : undefined, busy: reorder.isPending } : undefined}
                />
              ),
            }))}
          />
        </Card>
      )}
      {open?.kind === 'update' && current ? <UpdateApprovalModal projectId={chain.project.id} item={current} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'set-agent' && current ? <AgentModal projectId={chain.project.id} item={current} agents={agents} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'block' && current ? <BlockModal projectId={chain.project.id} item={current} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'escalate' && current ? <EscalateModal projectId={chain.project.id} item={current} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'add' ? <AddApprovalModal chain={chain} agents={agents} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'template' ? <CreateChainModal chain={chain} agents={agents} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}

import { Alert, App, Button, Checkbox, Collapse, Flex, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useRemoveApproval, useUpdateApproval, type ProjectApproval } from '../api';
import { ApprovalStatusTag } from './ApprovalTags';
import { WorkingDaysBar } from './WorkingDaysBar';

export type StepAction = 'update' | 'set-agent' | 'block' | 'escalate';

const DATES = ['preparingOn', 'submittedOn', 'acceptedOn', 'approvedOn', 'sentBackOn'] as const;

interface Props {
  projectId: string;
  item: ProjectApproval;
  onAction: (a: StepAction) => void;
  /** Reorder mode: arrows instead of the actions. */
  move?: { up?: () => void; down?: () => void; busy: boolean };
}

/** One item of the chain: who, where it stands, the dates, the materials to tick off, the clock against the limit. */
export function ApprovalStep({ projectId, item: a, onAction, move }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const update = useUpdateApproval(projectId);
  const remove = useRemoveApproval(projectId);
  const can = (x: ProjectApproval['allowedActions'][number]) => a.allowedActions.includes(x);
  const dates = DATES.filter((d) => a[d]);
  // The ticks show at once; the server's answer replaces them (or an error puts them back).
  const checklist = update.isPending && update.variables?.checklist ? update.variables.checklist : a.checklist;
  const doneCount = checklist.filter((m) => m.done).length;

  const tick = (index: number, done: boolean) =>
    update.mutate(
      { id: a.id, version: a.version, checklist: a.checklist.map((m, i) => (i === index ? { name: m.name, done } : m)) },
      { onError: (e) => feedback.error(e) },
    );

  const confirmRemove = () =>
    modal.confirm({
      title: t('approvals.removeConfirm', { name: a.item.name }),
      content: t('approvals.removeHint'),
      okText: t('approvals.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(a.id).then(() => feedback.success('approvals.removed'), (e: unknown) => void feedback.error(e)),
    });

  return (
    <Flex vertical gap={6} data-approval={a.item.code} style={{ paddingBottom: 8 }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>{`${a.position}. ${a.item.name}`}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.item.authority} · {t(`approvals.level.${a.item.authorityLevel}`)}
          </Typography.Text>
        </Flex>
        {move ? (
          <Flex gap={4}>
            <Button icon={<ArrowUpOutlined />} disabled={!move.up || move.busy} onClick={move.up} aria-label={t('approvals.moveUp', { name: a.item.name })} />
            <Button icon={<ArrowDownOutlined />} disabled={!move.down || move.busy} onClick={move.down} aria-label={t('approvals.moveDown', { name: a.item.name })} />
          </Flex>
        ) : (
          <Flex gap={4} wrap justify="flex-end">
            <ApprovalStatusTag status={a.status} />
            {a.isBlocked ? <Tag color="red">{t('approvals.blockedTag')}</Tag> : null}
            {a.isStuck ? <Tag color="orange">{t('approvals.stuckTag')}</Tag> : null}
          </Flex>
        )}
      </Flex>
      <Typography.Text style={{ fontSize: 13 }}>
        {a.agent
          ? t('approvals.agentIs', { name: a.agent.unit ? t('approvals.paren', { name: a.agent.displayName, extra: a.agent.unit.name }) : a.agent.displayName })
          : <Typography.Text type="warning">{t('approvals.agentNone')}</Typography.Text>}
      </Typography.Text>
      {dates.length || a.plannedOn ? (
        <Flex wrap gap="0 12px" style={{ fontSize: 12 }}>
          {dates.map((d) => (
            <span key={d}>
              <Typography.Text type="secondary">{t(`approvals.dateLabel.${d}`)}</Typography.Text> {a[d]}
            </span>
          ))}
          {a.plannedOn ? (
            <span><Typography.Text type="secondary">{t('approvals.plannedOn')}</Typography.Text> {a.plannedOn}</span>
          ) : null}
        </Flex>
      ) : null}
      <WorkingDaysBar used={a.workingDaysUsed} limit={a.statutoryDays} light={a.light} />
      {a.status === 'sent_back' && a.sentBackReason ? (
        <Alert type="warning" showIcon title={t('approvals.sentBackWas', { reason: a.sentBackReason })} />
      ) : null}
      {a.blockCase ? (
        <Alert
          type={a.isBlocked ? 'error' : 'info'}
          showIcon
          title={
            <span>
              {a.isBlocked ? t('approvals.blockedBy') : t('approvals.wasBlockedBy')}{' '}
              <Link to={`/cases/${a.blockCase.id}`}>{a.blockCase.number}</Link>{' '}
              · {t(`caseStatus.${a.blockCase.status}`, { defaultValue: a.blockCase.status })}
              {a.blockCase.leadUnit ? ` · ${a.blockCase.leadUnit.name}` : ''}
              {a.level ? ` · ${t(`approvals.level.${a.level}`)}` : ''}
            </span>
          }
        />
      ) : null}
      {a.note ? <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{a.note}</Typography.Text> : null}
      {a.checklist.length ? (
        <Collapse
          size="small"
          items={[{
            key: 'm',
            label: t('approvals.materials', { done: doneCount, total: checklist.length }),
            children: (
              <Flex vertical gap={4}>
                {checklist.map((m, i) => (
                  <Checkbox key={`${i}-${m.name}`} checked={m.done} disabled={!can('update') || update.isPending} onChange={(e) => tick(i, e.target.checked)}
                    style={{ minHeight: 32, alignItems: 'center' }}>
                    {m.name}
                  </Checkbox>
                ))}
              </Flex>
            ),
          }]}
        />
      ) : null}
      {!move && (can('update') || can('set-agent') || can('block') || can('escalate') || can('remove')) ? (
        <Flex wrap gap={6}>
          {can('update') ? <Button size="middle" type="primary" ghost onClick={() => onAction('update')}>{t('approvals.update')}</Button> : null}
          {can('set-agent') ? <Button onClick={() => onAction('set-agent')}>{t('approvals.setAgent')}</Button> : null}
          {can('block') ? <Button danger onClick={() => onAction('block')}>{t('approvals.block')}</Button> : null}
          {can('escalate') ? <Button onClick={() => onAction('escalate')}>{t('approvals.escalate')}</Button> : null}
          {can('remove') ? <Button danger type="text" icon={<DeleteOutlined />} onClick={confirmRemove}>{t('approvals.remove')}</Button> : null}
        </Flex>
      ) : null}
    </Flex>
  );
}

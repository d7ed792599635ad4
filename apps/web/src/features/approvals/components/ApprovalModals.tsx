import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { approvalStatuses, casePriorities, type ApprovalStatus } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { UnitSelect } from '../../units/components/UnitSelect';
import {
  useAddApproval, useApprovalItems, useApprovalTemplates, useBlockApproval, useCreateChain, useEscalateApproval, useUpdateApproval,
  type ApprovalChain, type ProjectApproval,
} from '../api';
import { AgentSelect } from './AgentSelect';

type Agents = Parameters<typeof AgentSelect>[0]['agents'];
const ymd = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The date each status sets (the contract's field names). */
const DATE_OF: Partial<Record<ApprovalStatus, 'preparingOn' | 'submittedOn' | 'acceptedOn' | 'approvedOn' | 'sentBackOn'>> = {
  preparing: 'preparingOn', submitted: 'submittedOn', accepted: 'acceptedOn', approved: 'approvedOn', sent_back: 'sentBackOn',
};
/** The step an agent usually takes next; only a suggestion — the server says which moves are allowed. */
const NATURAL_NEXT: Record<ApprovalStatus, ApprovalStatus> = {
  not_started: 'preparing', preparing: 'submitted', submitted: 'accepted', accepted: 'approved', sent_back: 'submitted', approved: 'approved',
};

interface UpdateValues {
  status: ApprovalStatus;
  date?: Dayjs;
  sentBackReason?: string;
  plannedOn?: Dayjs | null;
  note?: string;
}

/** Move an item along: its new status with the day it happened, the planned date, a note. */
export function UpdateApprovalModal({ projectId, item, onClose }: { projectId: string; item: ProjectApproval; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UpdateValues>();
  const update = useUpdateApproval(projectId);
  const feedback = useFeedback();
  const status = Form.useWatch('status', form) ?? item.status;
  const dateField = status !== item.status ? DATE_OF[status] : undefined;

  const submit = (v: UpdateValues) => {
    const body: Parameters<typeof update.mutate>[0] = { id: item.id, version: item.version };
    if (v.status !== item.status) body.status = v.status;
    if (dateField && v.date) body[dateField] = ymd(v.date);
    if (v.status === 'sent_back' && v.status !== item.status) body.sentBackReason = v.sentBackReason?.trim();
    const planned = ymd(v.plannedOn) ?? null;
    if (planned !== item.plannedOn) body.plannedOn = planned;
    const note = v.note?.trim() || null;
    if (note !== item.note) body.note = note;
    update.mutate(body, {
      onSuccess: () => {
        feedback.success('approvals.updated', { name: item.item.name });
        onClose();
      },
      onError: (e) => feedback.error(e, { form, fallbackField: { CONFLICT: 'status' }, messages: { CONFLICT: 'approvals.moveRefused' } }),
    });
  };

  return (
    <Modal open title={t('approvals.updateTitle', { name: item.item.name })} okText={t('common.save')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form<UpdateValues> form={form} layout="vertical" name="approval-update" onFinish={submit}
        initialValues={{ status: NATURAL_NEXT[item.status], date: dayjs(), plannedOn: item.plannedOn ? dayjs(item.plannedOn) : null, note: item.note ?? '' }}>
        <Form.Item name="status" label={t('approvals.statusField')} extra={t('approvals.statusHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
            options={approvalStatuses.map((s) => ({ value: s, label: t(`approvals.status.${s}`), style: { minHeight: 40, lineHeight: '38px' } }))} />
        </Form.Item>
        {dateField ? (
          <Form.Item name="date" label={t(`approvals.dateOf.${status}`)} rules={[{ required: true, message: t('validation.date') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} inputReadOnly />
          </Form.Item>
        ) : null}
        {status === 'sent_back' && status !== item.status ? (
          <Form.Item name="sentBackReason" label={t('approvals.sentBackReason')}
            rules={[{ required: true, whitespace: true, message: t('approvals.sentBackReasonRequired') }, { max: 2000, message: t('validation.max', { n: 2000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}
        {status === 'submitted' && item.materialsDone < item.checklist.length ? (
          <Typography.Paragraph type="warning">{t('approvals.materialsMissing', { count: item.checklist.length - item.materialsDone })}</Typography.Paragraph>
        ) : null}
        <Form.Item name="plannedOn" label={t('approvals.plannedOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="note" label={t('approvals.note')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Hand the item to another agent (代办员), or to none. */
export function AgentModal({ projectId, item, agents, onClose }: { projectId: string; item: ProjectApproval; agents: Agents; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ agentId: string | null }>();
  const update = useUpdateApproval(projectId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('approvals.setAgentTitle', { name: item.item.name })} okText={t('common.save')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="approval-agent" initialValues={{ agentId: item.agent?.id ?? null }}
        onFinish={(v) => update.mutate({ id: item.id, version: item.version, agentId: v.agentId ?? null }, {
          onSuccess: () => { feedback.success('approvals.agentSet'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="agentId" label={t('approvals.agent')} extra={t('approvals.agentHint')}>
          <AgentSelect agents={agents} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface BlockValues { title?: string; description: string; unitId?: string | null; priority: 'normal' | 'urgent' }

/** Report what blocks the item: an approval case linked to it. */
export function BlockModal({ projectId, item, onClose }: { projectId: string; item: ProjectApproval; onClose: (caseNumber?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BlockValues>();
  const block = useBlockApproval(projectId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('approvals.blockTitle', { name: item.item.name })} okText={t('approvals.blockSubmit')} okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')} onCancel={() => onClose()} onOk={() => form.submit()} confirmLoading={block.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('approvals.blockHint')}</Typography.Paragraph>
      <Form<BlockValues> form={form} layout="vertical" name="approval-block" initialValues={{ priority: 'normal' }}
        onFinish={(v) => block.mutate({
          id: item.id, description: v.description.trim(), priority: v.priority,
          ...(v.title?.trim() ? { title: v.title.trim() } : {}), ...(v.unitId ? { unitId: v.unitId } : {}),
        }, {
          onSuccess: (r) => { feedback.success('approvals.blocked', { number: r.blockCase?.number ?? '' }); onClose(r.blockCase?.number); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="title" label={t('approvals.blockCaseTitle')} extra={t('approvals.blockCaseTitleHint')} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('approvals.blockDescription')}
          rules={[{ required: true, whitespace: true, message: t('approvals.blockDescriptionRequired') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('approvals.blockDescriptionHint')} />
        </Form.Item>
        <Form.Item name="unitId" label={t('approvals.blockUnit')} extra={t('approvals.blockUnitHint')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="priority" label={t('approvals.priority')}>
          <Radio.Group options={casePriorities.map((p) => ({ value: p, label: t(`casePriority.${p}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Take the blocking case up a level (street → district → city). */
export function EscalateModal({ projectId, item, onClose }: { projectId: string; item: ProjectApproval; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ unitId: string; reason: string }>();
  const escalate = useEscalateApproval(projectId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('approvals.escalateTitle', { name: item.item.name })} okText={t('approvals.escalate')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={escalate.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {t('approvals.escalateHint', { level: item.level ? t(`approvals.level.${item.level}`) : t('common.none') })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="approval-escalate"
        onFinish={(v) => escalate.mutate({ id: item.id, unitId: v.unitId, reason: v.reason.trim() }, {
          onSuccess: () => { feedback.success('approvals.escalated'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="unitId" label={t('approvals.escalateUnit')} rules={[{ required: true, message: t('approvals.escalateUnitRequired') }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="reason" label={t('approvals.escalateReason')}
          rules={[{ required: true, whitespace: true, message: t('caseForm.reasonRequired') }, { max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AddValues { itemId: string; position?: number | null; agentId?: string | null; plannedOn?: Dayjs | null }

/** Add a catalogue item to the chain, at a position or at the end. */
export function AddApprovalModal({ chain, agents, onClose }: { chain: ApprovalChain; agents: Agents; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddValues>();
  const add = useAddApproval(chain.project.id);
  const catalogue = useApprovalItems();
  const feedback = useFeedback();
  const onChain = new Set(chain.items.map((i) => i.item.id));
  const options = (catalogue.data ?? []).filter((i) => !onChain.has(i.id))
    .map((i) => ({ value: i.id, label: t('approvals.paren', { name: i.name, extra: t('common.workingDays', { count: i.statutoryDays }) }) }));
  return (
    <Modal open title={t('approvals.addTitle')} okText={t('common.add')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden>
      <Form<AddValues> form={form} layout="vertical" name="approval-add"
        onFinish={(v) => add.mutate({
          itemId: v.itemId, ...(v.position ? { position: v.position } : {}), ...(v.agentId ? { agentId: v.agentId } : {}),
          ...(v.plannedOn ? { plannedOn: ymd(v.plannedOn) } : {}),
        }, {
          onSuccess: () => { feedback.success('approvals.added'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="itemId" label={t('approvals.item')} rules={[{ required: true, message: t('approvals.itemRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={catalogue.isPending} placeholder={t('approvals.itemPick')} />
        </Form.Item>
        <Form.Item name="position" label={t('approvals.position')} extra={t('approvals.positionHint', { count: chain.items.length })}>
          <InputNumber min={1} max={Math.max(1, chain.items.length + 1)} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agentId" label={t('approvals.agent')}>
          <AgentSelect agents={agents} />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('approvals.plannedOn')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Start the chain from the template of a project category. */
export function CreateChainModal({ chain, agents, onClose }: { chain: ApprovalChain; agents: Agents; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ category?: string; agentId?: string | null }>();
  const create = useCreateChain(chain.project.id);
  const templates = useApprovalTemplates();
  const feedback = useFeedback();
  const category = Form.useWatch('category', form);
  const has = (c: string) => (templates.data ?? []).some((x) => x.category === c);
  const initial = has(chain.project.category) ? chain.project.category : '*';
  const chosen = (templates.data ?? []).find((x) => x.category === (category ?? initial));
  return (
    <Modal open title={t('approvals.fromTemplateTitle')} okText={t('approvals.fromTemplate')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="approval-chain" initialValues={{ category: templates.data ? initial : undefined }}
        onFinish={(v) => create.mutate({ ...(v.category ? { category: v.category } : {}), ...(v.agentId ? { agentId: v.agentId } : {}) }, {
          onSuccess: () => { feedback.success('approvals.chainCreated'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="category" label={t('approvals.templateCategory')} extra={t('approvals.templateCategoryHint', { category: chain.project.category })}>
          <Select loading={templates.isPending}
            options={(templates.data ?? []).map((x) => ({ value: x.category, label: x.category === '*' ? t('approvals.defaultTemplate') : x.category }))} />
        </Form.Item>
        {chosen ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {chosen.items.map((i, n) => `${n + 1}. ${i.name}`).join('　')}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="agentId" label={t('approvals.agentForAll')}>
          <AgentSelect agents={agents} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

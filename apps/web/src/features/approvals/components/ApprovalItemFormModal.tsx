import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalLevels, type ApprovalLevel } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useCreateApprovalItem, useUpdateApprovalItem, type ApprovalItem } from '../api';

interface Values {
  code: string;
  name: string;
  authority: string;
  authorityLevel: ApprovalLevel;
  statutoryDays: number;
  materials: string;
  basis?: string;
  sortOrder: number;
}

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/** Add or edit a catalogue item: authority, statutory limit in working days, the one-time list of materials. */
export function ApprovalItemFormModal({ item, onClose }: { item?: ApprovalItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateApprovalItem();
  const update = useUpdateApprovalItem();
  const feedback = useFeedback();
  const busy = create.isPending || update.isPending;

  const submit = (v: Values) => {
    const common = {
      name: v.name.trim(), authority: v.authority.trim(), authorityLevel: v.authorityLevel, statutoryDays: v.statutoryDays,
      materials: lines(v.materials), basis: v.basis?.trim() || null, sortOrder: v.sortOrder,
    };
    const done = { onSuccess: () => { feedback.success(item ? 'common.saved' : 'common.created'); onClose(); }, onError: (e: unknown) => feedback.error(e, { form }) };
    if (item) update.mutate({ id: item.id, version: item.version, ...common }, done);
    else create.mutate({ code: v.code.trim().toUpperCase(), ...common }, done);
  };

  return (
    <Modal open title={item ? t('approvals.itemEdit', { name: item.name }) : t('approvals.itemNew')} okText={t('common.save')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="approval-item" onFinish={submit} scrollToFirstError
        initialValues={item ? { ...item, materials: item.materials.join('\n'), basis: item.basis ?? '' } : { authorityLevel: 'district', sortOrder: 100, materials: '' }}>
        <Form.Item name="code" label={t('approvals.code')} extra={item ? undefined : t('approvals.codeHint')}
          rules={item ? [] : [{ required: true, message: t('validation.required') }, { pattern: /^[A-Za-z0-9-]{2,20}$/, message: t('approvals.codeHint') }]}>
          <Input disabled={!!item} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="name" label={t('approvals.itemName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.max', { n: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="authority" label={t('approvals.authority')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.max', { n: 100 }) }]}>
          <Input placeholder={t('approvals.authorityHint')} />
        </Form.Item>
        <Form.Item name="authorityLevel" label={t('approvals.authorityLevel')}>
          <Radio.Group options={approvalLevels.map((l) => ({ value: l, label: t(`approvals.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="statutoryDays" label={t('approvals.statutoryDays')} rules={[{ required: true, type: 'number', min: 1, max: 365, message: t('approvals.statutoryDaysRange') }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} suffix={t('approvals.daysUnit')} />
        </Form.Item>
        <Form.Item name="materials" label={t('approvals.materialsList')} extra={t('approvals.materialsHint')}
          rules={[{ validator: (_, v: string) => (lines(v).length > 60 || lines(v).some((l) => l.length > 200) ? Promise.reject(new Error(t('approvals.materialsTooMany'))) : Promise.resolve()) }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <Form.Item name="basis" label={t('approvals.basis')} rules={[{ max: 500, message: t('validation.max', { n: 500 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('approvals.sortOrder')} rules={[{ required: true, type: 'number', min: 0, max: 10000, message: t('validation.number') }]}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { todayInShanghai } from '../../site-logs/components/SiteLogForm';
import { useHandover, useRoster } from '../api';

interface Values {
  toUserId: string;
  date: string;
  note?: string;
}

/** Hand the project to a new commissioner (organisation department); open work moves with it. */
export function HandoverModal({ projectId, currentUserId, onClose }: { projectId: string; currentUserId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const roster = useRoster();
  const handover = useHandover(projectId);
  const feedback = useFeedback();
  const options = (roster.data ?? [])
    .filter((r) => r.user.id !== currentUserId)
    .map((r) => ({
      value: r.user.id,
      label: t('people.successorOption', { name: r.user.displayName, state: r.project ? t('people.nowOn', { project: r.project.name }) : t('people.free') }),
    }));
  return (
    <Modal
      open
      title={t('people.handover')}
      okText={t('people.handoverOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={handover.isPending}
    >
      <Alert type="warning" showIcon title={t('people.handoverHint')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="handover"
        initialValues={{ date: todayInShanghai() }}
        onFinish={(v) =>
          handover.mutate(
            { toUserId: v.toUserId, date: v.date, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            {
              onSuccess: (h) => {
                feedback.success('people.handedOver', { count: h.items.length });
                onClose();
              },
              onError: (e) => feedback.error(e, { form, fallbackField: { RULE_VIOLATED: 'toUserId' } }),
            },
          )
        }
      >
        <Form.Item name="toUserId" label={t('people.successor')} rules={[{ required: true, message: t('people.successorRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={roster.isLoading} options={options} placeholder={t('people.successorPick')} />
        </Form.Item>
        <Form.Item name="date" label={t('people.handoverDate')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('people.note')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

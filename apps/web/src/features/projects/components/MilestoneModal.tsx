import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useSaveMilestone, type Milestone } from '../api';

interface Values {
  name: string;
  plannedDate: string;
  actualDate?: string;
  note?: string;
}

/** Add a milestone, or edit one (typically: record its actual date). */
export function MilestoneModal({ projectId, milestone, onClose }: { projectId: string; milestone?: Milestone; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveMilestone(projectId);
  const feedback = useFeedback();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open
      title={milestone ? t('milestones.edit') : t('milestones.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="milestone"
        initialValues={{
          name: milestone?.name ?? '',
          plannedDate: milestone?.plannedDate ?? '',
          actualDate: milestone?.actualDate ?? '',
          note: milestone?.note ?? '',
        }}
        onFinish={(v) =>
          save.mutate(
            {
              id: milestone?.id,
              version: milestone?.version,
              name: v.name.trim(),
              plannedDate: v.plannedDate,
              actualDate: v.actualDate || null,
              note: v.note?.trim() || null,
            },
            {
              onSuccess: () => {
                feedback.success('common.saved');
                onClose();
              },
              onError: (e) => feedback.error(e, { form }),
            },
          )
        }
      >
        <Form.Item name="name" label={t('milestones.name')} rules={[required, { max: 100, message: t('validation.max', { n: 100 }) }]}>
          <Input placeholder={t('milestones.nameHint')} />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('milestones.plannedDate')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="actualDate" label={t('milestones.actualDate')} extra={t('milestones.actualHint')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('milestones.note')} rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { todayInShanghai } from '../../site-logs/components/SiteLogForm';
import { useCreateLearningLog, type Assignment } from '../api';

interface Values {
  date: string;
  projectId?: string;
  activities: string;
  learned: string;
}

/** An assistant's day with their mentor: what they did and what they learned. */
export function LearningLogModal({ projects, onClose }: { projects: Assignment[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateLearningLog();
  const feedback = useFeedback();
  const req = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal open title={t('learning.write')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form<Values> form={form} layout="vertical" name="learningLog" initialValues={{ date: todayInShanghai(), projectId: projects[0]?.project.id }}
        onFinish={(v) => create.mutate({ date: v.date, projectId: v.projectId ?? null, activities: v.activities.trim(), learned: v.learned.trim() }, {
          onSuccess: () => { feedback.success('learning.saved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="date" label={t('learning.date')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" max={todayInShanghai()} />
        </Form.Item>
        <Form.Item name="projectId" label={t('learning.project')}>
          <Select allowClear options={projects.map((a) => ({ value: a.project.id, label: a.project.name }))} />
        </Form.Item>
        <Form.Item name="activities" label={t('learning.activities')} rules={[req, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('learning.activitiesHint')} />
        </Form.Item>
        <Form.Item name="learned" label={t('learning.learned')} rules={[req, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('learning.learnedHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

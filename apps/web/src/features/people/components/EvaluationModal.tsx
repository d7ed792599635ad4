import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { evaluationRatings } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { todayInShanghai } from '../../site-logs/components/SiteLogForm';
import { useCreateEvaluation, type Assignment } from '../api';

interface Values {
  assistantId: string;
  termEnd: string;
  rating: string;
  comment: string;
}

/** The mentor's end-of-term evaluation of an assistant. */
export function EvaluationModal({ mentees, onClose }: { mentees: Assignment[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvaluation();
  const feedback = useFeedback();
  const people = [...new Map(mentees.map((a) => [a.user.id, a.user])).values()];
  return (
    <Modal open title={t('learning.evaluate')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form<Values> form={form} layout="vertical" name="evaluation" initialValues={{ termEnd: todayInShanghai(), assistantId: people[0]?.id }}
        onFinish={(v) => create.mutate({ ...v, comment: v.comment.trim() }, { onSuccess: () => { feedback.success('learning.evaluated'); onClose(); }, onError: (e) => feedback.error(e, { form }) })}>
        <Form.Item name="assistantId" label={t('learning.assistant')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={people.map((p) => ({ value: p.id, label: p.displayName }))} />
        </Form.Item>
        <Form.Item name="termEnd" label={t('learning.termEnd')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="rating" label={t('learning.rating')} rules={[{ required: true, message: t('learning.ratingRequired') }]}>
          <Radio.Group options={evaluationRatings.map((r) => ({ value: r, label: t(`evaluationRating.${r}`) }))} />
        </Form.Item>
        <Form.Item name="comment" label={t('learning.evaluationComment')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 2, message: t('validation.min', { n: 2 }) }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useCommentLearningLog, type LearningLog } from '../api';

/** The mentor's comment on an assistant's learning log. */
export function CommentModal({ log, onClose }: { log: LearningLog; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment: string }>();
  const comment = useCommentLearningLog();
  const feedback = useFeedback();
  return (
    <Modal open title={t('learning.commentTitle', { name: log.assistant.displayName, date: log.date })} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={comment.isPending}>
      <Form form={form} layout="vertical" name="learningComment" initialValues={{ comment: log.mentorComment ?? '' }}
        onFinish={(v) => comment.mutate({ id: log.id, version: log.version, comment: v.comment.trim() }, {
          onSuccess: () => { feedback.success('common.saved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="comment" label={t('learning.comment')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

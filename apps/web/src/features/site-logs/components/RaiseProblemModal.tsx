import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useRaiseProblem, type SiteLog } from '../api';

/** "Raise a problem" from a site log; the server turns it into a case when the case engine takes it. */
export function RaiseProblemModal({ log, open, onClose, onRaised }: { log: SiteLog; open: boolean; onClose: () => void; onRaised: (log: SiteLog) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; description: string }>();
  const raise = useRaiseProblem(log.id);
  const feedback = useFeedback();
  return (
    <Modal
      open={open}
      title={t('siteLogs.raiseProblem')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={raise.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="raiseProblem"
        onFinish={(v) =>
          raise.mutate(
            { title: v.title.trim(), description: v.description.trim() },
            {
              onSuccess: (updated) => {
                onRaised(updated);
                onClose();
              },
              onError: (e) => feedback.error(e, { form }),
            },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('siteLogs.problemTitle')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.min', { n: 2 }) },
            { max: 200, message: t('validation.max', { n: 200 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('siteLogs.problemDescription')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

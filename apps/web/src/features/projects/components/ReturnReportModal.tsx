import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useDecideProgressReport, type ProgressReport } from '../api';

/** Send a monthly report back to whoever submitted it, with the reason. */
export function ReturnReportModal({ projectId, report, onClose }: { projectId: string; report: ProgressReport; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideProgressReport(projectId);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('progress.returnTitle', { period: report.period })}
      okText={t('progress.return')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        name="returnReport"
        onFinish={(v) =>
          decide.mutate(
            { reportId: report.id, confirm: false, version: report.version, reason: v.reason.trim() },
            {
              onSuccess: () => {
                feedback.success('progress.returned');
                onClose();
              },
              onError: (e) => feedback.error(e, { form }),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('progress.returnReason')}
          rules={[
            { required: true, whitespace: true, message: t('progress.returnReasonRequired') },
            { min: 2, message: t('validation.min', { n: 2 }) },
            { max: 1000, message: t('validation.max', { n: 1000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../../../shared/api/client';
import { useFeedback } from '../../../shared/api/useFeedback';
import { UploadList } from '../../../shared/ui/UploadList';
import { useSubmitProgressReport } from '../api';

interface Values {
  period: string;
  percentDone: number;
  investmentWan: number;
  narrative: string;
  photos: UploadedFile[];
}

function thisMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
}

/** The month's progress report (形象进度): percent done, investment this period (万元), narrative, photos. */
export function ProgressReportModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitProgressReport(projectId);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('progress.submit')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="progressReport"
        initialValues={{ period: thisMonth(), photos: [] }}
        onFinish={(v) =>
          submit.mutate(
            {
              period: v.period,
              percentDone: v.percentDone,
              investmentPeriod: Math.round(v.investmentWan * 10000 * 100) / 100,
              narrative: v.narrative.trim(),
              ...(v.photos.length ? { photoIds: v.photos.map((p) => p.id) } : {}),
            },
            {
              onSuccess: () => {
                feedback.success('progress.submitted');
                onClose();
              },
              onError: (e) => feedback.error(e, { form, fallbackField: { DUPLICATE: 'period', CONFLICT: 'period' } }),
            },
          )
        }
      >
        <Form.Item name="period" label={t('progress.period')} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('progress.periodRequired') }]}>
          <Input type="month" />
        </Form.Item>
        <Form.Item name="percentDone" label={t('progress.percentDone')} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('progress.percentRange') }]}>
          <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="investmentWan" label={t('progress.investmentPeriodWan')} rules={[{ required: true, type: 'number', min: 0, message: t('progress.investmentRequired') }]}>
          <InputNumber min={0} precision={2} suffix={t('common.wanYuan')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="narrative" label={t('progress.narrative')} rules={[{ required: true, whitespace: true, message: t('progress.narrativeRequired') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('progress.narrativeHint')} />
        </Form.Item>
        <Form.Item name="photos" label={t('progress.photos')}>
          <UploadList accept="image/*" max={20} label={t('progress.addPhotos')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

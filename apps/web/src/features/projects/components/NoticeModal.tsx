import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useProjectDetail, useUpdateProject, type ProjectDetail } from '../api';

interface Values {
  constructionHours: string;
  impactNotice: string;
}

/** Construction hours and the impact notice residents will see; the commissioner may edit these two only. */
export function NoticeModal({ project: p, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateProject(p.id);
  const fresh = useProjectDetail(p.id);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('projects.editNotice')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="projectNotice"
        initialValues={{ constructionHours: p.constructionHours ?? '', impactNotice: p.impactNotice ?? '' }}
        onFinish={(v) =>
          update.mutate(
            {
              version: p.version,
              constructionHours: v.constructionHours.trim() || null,
              impactNotice: v.impactNotice.trim() || null,
            },
            {
              onSuccess: () => {
                feedback.success('common.saved');
                onClose();
              },
              onError: (e) => feedback.error(e, { form, onStale: () => void fresh.refetch() }),
            },
          )
        }
      >
        <Form.Item name="constructionHours" label={t('projects.constructionHours')} extra={t('projects.constructionHoursHint')} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="impactNotice" label={t('projects.impactNotice')} extra={t('projects.impactNoticeHint')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useDismissAppeal, useTriageAppeal, type StaffAppeal } from '../api';
import { dismissBody, triageBody } from '../bodies';

interface Props {
  a: StaffAppeal;
  onClose: () => void;
  /** The list is stale (someone else triaged it first): reload it. */
  onStale: () => void;
}

function Gist({ a }: { a: StaffAppeal }) {
  return (
    <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ whiteSpace: 'pre-wrap' }}>
      {[a.address, a.description].filter(Boolean).join('\n')}
    </Typography.Paragraph>
  );
}

/** 分派: the project the appeal concerns; it becomes that project's `appeal` case and its commissioner is told. */
export function TriageModal({ a, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ projectId?: string }>();
  const triage = useTriageAppeal();
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('appeals.triageTitle')}
      okText={t('appeals.triageOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={triage.isPending}
      destroyOnHidden
    >
      <Gist a={a} />
      <Form
        form={form}
        name="triageAppeal"
        layout="vertical"
        onFinish={(v) =>
          triage.mutate(
            { id: a.id, body: triageBody(a, v.projectId!) },
            {
              onSuccess: () => {
                feedback.success('appeals.triaged');
                onClose();
              },
              onError: (e) => {
                if (feedback.error(e, { form, fallbackField: { NOT_FOUND: 'projectId' }, onStale }) === 'stale') onClose();
              },
            },
          )
        }
      >
        <Form.Item name="projectId" label={t('appeals.project')} extra={t('appeals.triageHint')} rules={[{ required: true, message: t('validation.required') }]}>
          <ProjectSelect aria-label={t('appeals.project')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Not a key project's matter: closed with a reply the resident reads on their status page. */
export function DismissModal({ a, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reply: string }>();
  const dismiss = useDismissAppeal();
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('appeals.dismissTitle')}
      okText={t('appeals.dismissOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={dismiss.isPending}
      destroyOnHidden
    >
      <Gist a={a} />
      <Alert type="info" showIcon title={t('appeals.dismissHint')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        name="dismissAppeal"
        layout="vertical"
        onFinish={(v) =>
          dismiss.mutate(
            { id: a.id, body: dismissBody(a, v.reply) },
            {
              onSuccess: () => {
                feedback.success('appeals.dismissed');
                onClose();
              },
              onError: (e) => {
                if (feedback.error(e, { form, onStale }) === 'stale') onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reply"
          label={t('appeals.reply')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, transform: (v?: string) => v?.trim(), message: t('validation.min', { n: 2 }) },
            { max: 2000, message: t('validation.max', { n: 2000 }) },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} placeholder={t('appeals.replyPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

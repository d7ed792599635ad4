import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '@liaison/contracts';
import type { UploadedFile } from '../../../shared/api/client';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useCase, useCaseAction, type CaseDetail } from '../api';
import { ActionFields, DANGER } from './ActionFields';

type Values = Record<string, unknown> & { attachments?: UploadedFile[] };

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** The request body for an action from the form values: blank optional texts left out, files as ids. */
export function bodyFor(action: CaseAction, v: Values, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const [k, raw] of Object.entries(v)) {
    if (k === 'attachments') continue;
    const val = trimmed(raw);
    if (val === undefined || val === null || val === '' || (Array.isArray(val) && !val.length)) continue;
    body[k] = val;
  }
  if (v.attachments?.length) body.attachmentIds = v.attachments.map((a) => a.id);
  if (action === 'comment') body.internal = !!v.internal;
  return body;
}

/** One form per action, with the fields API.md fixes; the reason is required where refusing or sending back. */
export function ActionModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const run = useCaseAction(c.id);
  const fresh = useCase(c.id);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t(`caseAction.${action}`)}
      okText={t(`caseAction.${action}`)}
      okButtonProps={{ danger: DANGER.includes(action) }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={`case-${action}`}
        onFinish={(v) =>
          run.mutate(
            { action, body: bodyFor(action, v, c.version) },
            {
              onSuccess: () => {
                feedback.success('caseAction.done', { action: t(`caseAction.${action}`) });
                onClose();
              },
              onError: (e) => feedback.error(e, { form, onStale: () => void fresh.refetch() }),
            },
          )
        }
      >
        <ActionFields action={action} c={c} />
      </Form>
    </Modal>
  );
}

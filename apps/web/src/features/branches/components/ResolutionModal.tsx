import { Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useMeetingChange, type Meeting } from '../api';
import { resolutionBody, todayShanghai, type ResolutionFormValues } from '../bodies';
import { agendaTitle } from './AgendaCard';

/** Record a resolution; one that needs action becomes a coordination case for its owner unit. */
export function ResolutionModal({ meeting: m, agendaItemId, onClose }: { meeting: Meeting; agendaItemId?: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResolutionFormValues>();
  const change = useMeetingChange(m.id);
  const feedback = useFeedback();
  const needsAction = Form.useWatch('needsAction', form) ?? true;

  return (
    <Modal
      open
      title={t('branches.addResolution')}
      okText={t('branches.addResolutionOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<ResolutionFormValues>
        form={form}
        layout="vertical"
        name="resolution"
        initialValues={{ agendaItemId: agendaItemId ?? null, text: '', needsAction: true, ownerUnitId: null, dueDate: '' }}
        onFinish={(v) =>
          change.mutate(
            { kind: 'resolve', body: resolutionBody(v, m.version) },
            {
              onSuccess: (next) => {
                const made = next.resolutions[next.resolutions.length - 1];
                if (made?.case) feedback.success('branches.resolutionWithCase', { number: made.case.number });
                else feedback.success('branches.resolutionSaved');
                onClose();
              },
              onError: (e) => feedback.error(e, { form }),
            },
          )
        }
      >
        <Form.Item name="agendaItemId" label={t('branches.agendaItem')}>
          <Select
            allowClear
            placeholder={t('branches.agendaItemNone')}
            options={m.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${agendaTitle(a)}` }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('branches.resolutionText')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.min', { n: 2 }) },
            { max: 2000, message: t('validation.max', { n: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('branches.resolutionPlaceholder')} />
        </Form.Item>
        <Form.Item name="needsAction" label={t('branches.needsAction')} valuePropName="checked" extra={needsAction ? t('branches.needsActionHint') : t('branches.notedHint')}>
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        {needsAction ? (
          <>
            <Form.Item name="ownerUnitId" label={t('branches.ownerUnit')} rules={[{ required: true, message: t('branches.pickOwnerUnit') }]}>
              <UnitSelect placeholder={t('branches.searchUnit')} />
            </Form.Item>
            <Form.Item
              name="dueDate"
              label={t('branches.dueDate')}
              rules={[
                { required: true, message: t('validation.date') },
                { validator: async (_, v?: string) => { if (v && v < todayShanghai()) throw new Error(t('branches.dueInPast')); } },
              ]}
            >
              <Input type="date" min={todayShanghai()} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

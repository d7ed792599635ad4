import { Button, Form, Input, Modal, Popconfirm, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarDayKinds } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useClearCalendarDay, useSetCalendarDay, type CalendarDay } from '../api';

/** Make a day a statutory holiday or a make-up working day, or clear it back to an ordinary day. */
export function DayModal({ date, entry, onClose }: { date: string; entry?: CalendarDay; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: CalendarDay['kind']; name: string }>();
  const set = useSetCalendarDay();
  const clear = useClearCalendarDay();
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('calendar.editDay', { date })}
      onCancel={onClose}
      footer={[
        entry ? (
          <Popconfirm key="clear" title={t('calendar.clearConfirm', { date })} okText={t('calendar.clear')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}
            onConfirm={() => clear.mutateAsync(date).then(() => { feedback.success('common.saved'); onClose(); }, (e: unknown) => void feedback.error(e))}>
            <Button danger loading={clear.isPending}>{t('calendar.clear')}</Button>
          </Popconfirm>
        ) : null,
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" loading={set.isPending} onClick={() => form.submit()}>{t('common.save')}</Button>,
      ]}
    >
      <Form form={form} layout="vertical" name="calendarDay" initialValues={{ kind: entry?.kind ?? 'holiday', name: entry?.name ?? '' }}
        onFinish={(v) => set.mutate({ date, kind: v.kind, name: v.name.trim() }, { onSuccess: () => { feedback.success('common.saved'); onClose(); }, onError: (e) => feedback.error(e, { form }) })}>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group options={calendarDayKinds.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} extra={t('calendar.nameHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40, message: t('validation.max', { n: 40 }) }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

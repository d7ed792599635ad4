import { Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useMeetingChange, type Meeting } from '../api';
import { shanghaiInstant, shanghaiParts } from '../bodies';

interface Values {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
}

/** Rename, move or relocate a meeting (invitees are told; their calendars update the same event). */
export function RescheduleModal({ meeting: m, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useMeetingChange(m.id);
  const feedback = useFeedback();
  const start = shanghaiParts(m.startsAt);
  const end = shanghaiParts(m.endsAt);
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal open title={t('branches.reschedule')} okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={change.isPending} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        name="reschedule"
        initialValues={{ title: m.title, date: start.date, startTime: start.time, endTime: end.time, place: m.place }}
        onFinish={(v) =>
          change.mutate(
            {
              kind: 'update',
              body: { version: m.version, title: v.title.trim(), place: v.place.trim(), startsAt: shanghaiInstant(v.date, v.startTime), endsAt: shanghaiInstant(v.date, v.endTime) },
            },
            { onSuccess: () => { feedback.success('common.saved'); onClose(); }, onError: (e) => feedback.error(e, { form }) },
          )
        }
      >
        <Form.Item name="title" label={t('branches.meetingTitle')} rules={[required, { min: 2, message: t('validation.min', { n: 2 }) }, { max: 200, message: t('validation.max', { n: 200 }) }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="date" label={t('branches.date')} rules={[{ required: true, message: t('validation.date') }]}><Input type="date" /></Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item name="startTime" label={t('branches.startTime')} rules={[{ required: true, message: t('branches.pickTime') }]}><Input type="time" /></Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item
              name="endTime"
              label={t('branches.endTime')}
              dependencies={['startTime']}
              rules={[
                { required: true, message: t('branches.pickTime') },
                ({ getFieldValue }) => ({
                  validator: async (_, v?: string) => {
                    const s = getFieldValue('startTime') as string | undefined;
                    if (v && s && v <= s) throw new Error(t('branches.endAfterStart'));
                  },
                }),
              ]}
            >
              <Input type="time" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={t('branches.place')} rules={[required, { max: 200, message: t('validation.max', { n: 200 }) }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

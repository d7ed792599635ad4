import { Button, DatePicker, Flex, Form, Input, Modal, Radio } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { mediationSessionOutcomes } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useRecordSession, type Dispute } from '../api';

interface Values {
  heldAt: Dayjs;
  place: string;
  mediatorName?: string;
  attendees: { name: string; role: string }[];
  statements: { speaker: string; text: string }[];
  outcome: (typeof mediationSessionOutcomes)[number];
  notes?: string;
}

const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];

/** 调解笔录: when and where, who attended, what each party said, the outcome. */
export function SessionModal({ dispute: d, onClose }: { dispute: Dispute; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordSession(d.caseId);
  const feedback = useFeedback();
  const initialAttendees = [
    ...d.parties.map((p, i) => ({ name: p.name, role: i === 0 ? t('mediation.roleApplicant') : t('mediation.roleRespondent') })),
    ...(d.mediator ? [{ name: d.mediator.displayName, role: t('mediation.roleMediator') }] : []),
  ];
  const submit = (v: Values) =>
    record.mutate({
      heldAt: v.heldAt.toISOString(), place: v.place.trim(), ...(v.mediatorName?.trim() ? { mediatorName: v.mediatorName.trim() } : {}),
      attendees: v.attendees.map((a) => ({ name: a.name.trim(), role: a.role.trim() })),
      statements: v.statements.map((s) => ({ speaker: s.speaker.trim(), text: s.text.trim() })),
      outcome: v.outcome, ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
    }, {
      onSuccess: () => { feedback.success('mediation.sessionRecorded'); onClose(); },
      onError: (e) => feedback.error(e, { form }),
    });

  return (
    <Modal open title={t('mediation.sessionNew')} okText={t('common.save')} cancelText={t('common.cancel')} width={720}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="mediation-session" onFinish={submit} scrollToFirstError
        initialValues={{
          heldAt: dayjs(), mediatorName: d.mediator?.displayName ?? '', attendees: initialAttendees,
          statements: d.parties.map((p) => ({ speaker: p.name, text: '' })), outcome: 'adjourned',
        }}>
        <Flex wrap gap={8}>
          <Form.Item name="heldAt" label={t('mediation.heldAt')} style={{ flex: '1 1 200px' }} rules={[{ required: true, message: t('validation.date') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="place" label={t('mediation.place')} style={{ flex: '1 1 200px' }} rules={[...req(t('mediation.placeRequired')), { max: 200, message: t('validation.max', { n: 200 }) }]}>
            <Input placeholder={t('mediation.placeHint')} />
          </Form.Item>
        </Flex>
        <Form.Item name="mediatorName" label={t('mediation.mediatorName')} rules={[{ max: 40, message: t('validation.max', { n: 40 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('mediation.attendees')} required>
          <Form.List name="attendees" rules={[{ validator: (_, v: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('mediation.attendeesRequired')))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={6}>
                {fields.map((f, n) => (
                  <Flex key={f.key} gap={6} align="flex-start">
                    <Form.Item name={[f.name, 'name']} style={{ flex: 2, marginBottom: 0 }} rules={[...req(t('mediation.nameRequired')), { max: 40, message: t('validation.max', { n: 40 }) }]}>
                      <Input placeholder={t('mediation.attendeeName')} aria-label={t('mediation.attendeeNameN', { n: n + 1 })} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} style={{ flex: 1, marginBottom: 0 }} rules={[...req(t('mediation.roleRequired')), { max: 40, message: t('validation.max', { n: 40 }) }]}>
                      <Input placeholder={t('mediation.attendeeRole')} aria-label={t('mediation.attendeeRoleN', { n: n + 1 })} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('mediation.removeRow', { n: n + 1 })} />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', role: '' })} style={{ alignSelf: 'flex-start' }}>{t('mediation.addAttendee')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('mediation.statements')} required extra={t('mediation.statementsHint')}>
          <Form.List name="statements" rules={[{ validator: (_, v: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('mediation.statementsRequired')))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {fields.map((f, n) => (
                  <Flex key={f.key} vertical gap={4} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
                    <Flex gap={6}>
                      <Form.Item name={[f.name, 'speaker']} style={{ flex: 1, marginBottom: 0 }} rules={[...req(t('mediation.nameRequired')), { max: 40, message: t('validation.max', { n: 40 }) }]}>
                        <Input placeholder={t('mediation.speaker')} aria-label={t('mediation.speakerN', { n: n + 1 })} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('mediation.removeRow', { n: n + 1 })} />
                    </Flex>
                    <Form.Item name={[f.name, 'text']} style={{ marginBottom: 0 }} rules={[...req(t('mediation.statementRequired')), { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('mediation.statementText')} aria-label={t('mediation.statementN', { n: n + 1 })} />
                    </Form.Item>
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ speaker: '', text: '' })} style={{ alignSelf: 'flex-start' }}>{t('mediation.addStatement')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="outcome" label={t('mediation.outcome')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group options={mediationSessionOutcomes.map((o) => ({ value: o, label: t(`mediation.outcomes.${o}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('mediation.notes')} rules={[{ max: 5000, message: t('validation.max', { n: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

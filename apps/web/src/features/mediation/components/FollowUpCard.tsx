import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Modal, Radio, Select, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { agreementPerformanceStates, judicialConfirmationStates } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useRecordCallback, useUpdateDispute, type Dispute } from '../api';

const perfColor = { performed: 'success', partly: 'warning', not_performed: 'error' } as const;
const daysTo = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

function CallbackModal({ d, onClose }: { d: Dispute; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ calledOn: Dayjs; performance: (typeof agreementPerformanceStates)[number]; note: string }>();
  const record = useRecordCallback(d.caseId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('mediation.callbackNew')} okText={t('common.save')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="mediation-callback" initialValues={{ calledOn: dayjs() }}
        onFinish={(v) => record.mutate({ calledOn: v.calledOn.format('YYYY-MM-DD'), performance: v.performance, note: v.note.trim() }, {
          onSuccess: () => { feedback.success('mediation.callbackRecorded'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="calledOn" label={t('mediation.calledOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="performance" label={t('mediation.performance')} rules={[{ required: true, message: t('mediation.performanceRequired') }]}>
          <Radio.Group options={agreementPerformanceStates.map((p) => ({ value: p, label: t(`mediation.performanceStates.${p}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('mediation.callbackNote')} rules={[{ required: true, whitespace: true, message: t('mediation.callbackNoteRequired') }, { max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Follow-up: the one-month target to settle, callbacks on performance, the 30-day judicial-confirmation window. */
export function FollowUpCard({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const update = useUpdateDispute(d.caseId);
  const feedback = useFeedback();
  const left = daysTo(d.settleBy);
  const a = d.agreement;
  const judicialLeft = a?.judicialDeadline ? daysTo(a.judicialDeadline) : null;

  return (
    <Card size="small" title={t('mediation.followUp')}
      extra={d.allowedActions.includes('callback') ? <Button size="small" icon={<PhoneOutlined />} onClick={() => setOpen(true)}>{t('mediation.callbackNew')}</Button> : null}>
      <Flex vertical gap={10}>
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{t('mediation.settleTarget')}</Typography.Text>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{formatDate(d.settleBy)}</Typography.Text>
            {d.settled ? <Tag color="success">{t('mediation.settledAt', { at: formatDateTime(d.settledAt) })}</Tag>
              : d.settleOverdue ? <Tag color="red">{t('mediation.settleOverdue')}</Tag>
              : <Tag color={left <= 5 ? 'orange' : 'blue'}>{t('mediation.daysLeft', { count: left })}</Tag>}
          </Flex>
        </Flex>
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{t('mediation.judicial')}</Typography.Text>
          {a?.judicialDeadline ? (
            <Alert
              type={d.judicialConfirmation === 'not_applied' && judicialLeft !== null && judicialLeft >= 0 ? 'warning' : 'info'}
              showIcon
              title={judicialLeft !== null && judicialLeft >= 0
                ? t('mediation.judicialWindow', { date: a.judicialDeadline, count: judicialLeft })
                : t('mediation.judicialClosed', { date: a.judicialDeadline })}
            />
          ) : <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('mediation.judicialAfterSign')}</Typography.Text>}
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('mediation.judicialState')}</Typography.Text>
            {d.allowedActions.includes('edit') ? (
              <Select size="small" style={{ minWidth: 140 }} value={d.judicialConfirmation} loading={update.isPending} aria-label={t('mediation.judicialState')}
                options={judicialConfirmationStates.map((s) => ({ value: s, label: t(`mediation.judicialStates.${s}`) }))}
                onChange={(v) => update.mutate({ version: d.version, judicialConfirmation: v }, { onSuccess: () => feedback.success('common.saved'), onError: (e) => feedback.error(e) })} />
            ) : <Tag>{t(`mediation.judicialStates.${d.judicialConfirmation}`)}</Tag>}
          </Flex>
        </Flex>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('mediation.callbacks', { count: d.callbacks.length })}</Typography.Text>
          {d.callbacks.length ? d.callbacks.map((c) => (
            <Flex key={c.id} vertical gap={0} style={{ borderInlineStart: '3px solid #f0f0f0', paddingInlineStart: 8 }}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text>{c.calledOn}</Typography.Text>
                <Tag color={perfColor[c.performance]}>{t(`mediation.performanceStates.${c.performance}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.recordedBy.displayName}</Typography.Text>
              </Flex>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Typography.Text>
            </Flex>
          )) : (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{a?.status === 'signed' ? t('mediation.callbacksEmptySigned') : t('mediation.callbacksEmpty')}</Typography.Text>
          )}
        </Flex>
      </Flex>
      {open ? <CallbackModal d={d} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

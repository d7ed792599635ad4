import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { EditOutlined, FilePdfOutlined, FileWordOutlined, MinusCircleOutlined, PlusOutlined, SignatureOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/errors';
import { useFeedback } from '../../../shared/api/useFeedback';
import { FileThumb } from '../../../shared/ui/FileThumb';
import { UploadList } from '../../../shared/ui/UploadList';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { downloadAgreement, useSaveAgreement, useSignAgreement, type Dispute } from '../api';

type Agreement = NonNullable<Dispute['agreement']>;
interface DraftValues {
  committeeName?: string;
  facts: string;
  issues: string;
  responsibilities: string;
  terms: string[];
  performanceMethod: string;
  performBy: Dayjs;
}

const req = (t: TFunction, max: number) => [{ required: true, whitespace: true, message: t('validation.required') }, { max, message: t('validation.max', { n: max }) }];

/** 调解协议书: the items 人民调解法 第二十九条 requires. */
function AgreementModal({ d, onClose }: { d: Dispute; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DraftValues>();
  const save = useSaveAgreement(d.caseId);
  const feedback = useFeedback();
  const a = d.agreement;
  return (
    <Modal open title={a ? t('mediation.agreementEdit') : t('mediation.agreementNew')} okText={t('common.save')} cancelText={t('common.cancel')} width={720}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<DraftValues> form={form} layout="vertical" name="mediation-agreement" scrollToFirstError
        initialValues={a ? { ...a, performBy: dayjs(a.performBy) } : { terms: [''], performBy: dayjs().add(30, 'day') }}
        onFinish={(v) => save.mutate({
          ...(a ? { version: a.version } : {}),
          ...(v.committeeName?.trim() ? { committeeName: v.committeeName.trim() } : {}),
          facts: v.facts.trim(), issues: v.issues.trim(), responsibilities: v.responsibilities.trim(),
          terms: v.terms.map((x) => x.trim()).filter(Boolean), performanceMethod: v.performanceMethod.trim(), performBy: v.performBy.format('YYYY-MM-DD'),
        }, {
          onSuccess: () => { feedback.success('common.saved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="committeeName" label={t('mediation.committee')} extra={t('mediation.committeeHint')} rules={[{ max: 100, message: t('validation.max', { n: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="facts" label={t('mediation.facts')} rules={req(t, 5000)}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="issues" label={t('mediation.issues')} rules={req(t, 5000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="responsibilities" label={t('mediation.responsibilities')} rules={req(t, 5000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={t('mediation.terms')} required>
          <Form.List name="terms" rules={[{ validator: (_, v: string[]) => (v?.some((x) => x?.trim()) ? Promise.resolve() : Promise.reject(new Error(t('mediation.termsRequired')))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <Flex vertical gap={6}>
                {fields.map((f, n) => (
                  <Flex key={f.key} gap={6} align="flex-start">
                    <Typography.Text style={{ paddingTop: 5 }}>{n + 1}.</Typography.Text>
                    <Form.Item name={f.name} style={{ flex: 1, marginBottom: 0 }} rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={t('mediation.termN', { n: n + 1 })} />
                    </Form.Item>
                    {fields.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('mediation.removeRow', { n: n + 1 })} /> : null}
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button size="small" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>{t('mediation.addTerm')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="performanceMethod" label={t('mediation.performanceMethod')} rules={req(t, 1000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('mediation.performanceMethodHint')} />
        </Form.Item>
        <Form.Item name="performBy" label={t('mediation.performBy')} rules={[{ required: true, message: t('validation.date') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SignModal({ d, a, onClose }: { d: Dispute; a: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ signedOn: Dayjs; copy: UploadedFile[] }>();
  const sign = useSignAgreement(d.caseId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('mediation.signTitle')} okText={t('mediation.sign')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={sign.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('mediation.signHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="mediation-sign" initialValues={{ signedOn: dayjs(), copy: [] }}
        onFinish={(v) => sign.mutate({ version: a.version, signedOn: v.signedOn.format('YYYY-MM-DD'), ...(v.copy[0] ? { signedCopyId: v.copy[0].id } : {}) }, {
          onSuccess: () => { feedback.success('mediation.signed'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="signedOn" label={t('mediation.signedOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="copy" label={t('mediation.signedCopy')} extra={t('mediation.signedCopyHint')}>
          <UploadList max={1} accept="image/*,application/pdf" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The agreement: its text, draft/signed state, PDF and Word, and the buttons the dispute's allowedActions give. */
export function AgreementCard({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState<'edit' | 'sign' | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const a = d.agreement;
  const can = (x: Dispute['allowedActions'][number]) => d.allowedActions.includes(x);
  const get = (format: 'pdf' | 'docx') => {
    setBusy(format);
    downloadAgreement(d.caseId, format).catch((e: unknown) => message.error(errorMessage(e, t))).finally(() => setBusy(null));
  };
  return (
    <Card size="small" title={<Flex gap={8} align="center" wrap><span>{t('mediation.agreement')}</span>{a ? <Tag color={a.status === 'signed' ? 'success' : 'default'}>{t(`mediation.agreementStatus.${a.status}`)}</Tag> : null}</Flex>}
      extra={a ? (
        <Flex gap={4}>
          <Button size="small" icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => get('pdf')}>PDF</Button>
          <Button size="small" icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => get('docx')}>Word</Button>
        </Flex>
      ) : null}>
      {!a ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={can('edit-agreement') ? t('mediation.agreementEmptyWorker') : t('mediation.agreementEmpty')}>
          {can('edit-agreement') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('edit')}>{t('mediation.agreementNew')}</Button> : null}
        </Empty>
      ) : (
        <Flex vertical gap={8}>
          <Descriptions size="small" column={1} layout={isMobile ? 'vertical' : 'horizontal'} items={[
            ...(a.number ? [{ key: 'n', label: t('mediation.agreementNumber'), children: a.number }] : []),
            { key: 'c', label: t('mediation.committee'), children: a.committeeName },
            { key: 'f', label: t('mediation.facts'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.facts}</span> },
            { key: 'i', label: t('mediation.issues'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.issues}</span> },
            { key: 'r', label: t('mediation.responsibilities'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.responsibilities}</span> },
            { key: 't', label: t('mediation.terms'), children: <ol style={{ margin: 0, paddingInlineStart: 18 }}>{a.terms.map((x, i) => <li key={i}>{x}</li>)}</ol> },
            { key: 'm', label: t('mediation.performanceMethod'), children: a.performanceMethod },
            { key: 'b', label: t('mediation.performBy'), children: a.performBy },
            ...(a.signedOn ? [{ key: 's', label: t('mediation.signedOn'), children: a.signedOn }] : []),
            ...(a.signedCopyId ? [{ key: 'copy', label: t('mediation.signedCopy'), children: <FileThumb file={{ id: a.signedCopyId, name: t('mediation.signedCopy') }} /> }] : []),
          ]} />
          {can('edit-agreement') || can('sign-agreement') ? (
            <Flex gap={8} wrap>
              {can('edit-agreement') ? <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>{t('mediation.agreementEdit')}</Button> : null}
              {can('sign-agreement') ? <Button type="primary" icon={<SignatureOutlined />} onClick={() => setOpen('sign')}>{t('mediation.sign')}</Button> : null}
            </Flex>
          ) : null}
        </Flex>
      )}
      {open === 'edit' ? <AgreementModal d={d} onClose={() => setOpen(null)} /> : null}
      {open === 'sign' && a ? <SignModal d={d} a={a} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

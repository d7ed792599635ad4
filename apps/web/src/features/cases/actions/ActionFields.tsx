import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseRatings, returnReasonCodes, type CaseAction } from '@liaison/contracts';
import { UploadList } from '../../../shared/ui/UploadList';
import { UnitSelect } from '../../units/components/UnitSelect';
import type { CaseDetail } from '../api';
import { MergeTargetSelect } from './MergeTargetSelect';

/** Actions that take no input: a confirmation is enough. */
export const NO_FIELDS: readonly CaseAction[] = ['accept', 'sign'];
/** Actions that refuse, send back or end something: their buttons are red. */
export const DANGER: readonly CaseAction[] = ['reject', 'return', 'withdraw', 'merge'];

function Reason({ name = 'reason', label, required = true }: { name?: string; label?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label ?? t('caseForm.reason')}
      rules={[...(required ? [{ required: true, whitespace: true, message: t('caseForm.reasonRequired') }] : []), { max: 2000, message: t('validation.max', { n: 2000 }) }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );
}

/** The fields API.md fixes for each action. */
export function ActionFields({ action, c }: { action: CaseAction; c: CaseDetail }) {
  const { t } = useTranslation();
  const decision = Form.useWatch(action === 'verify' ? 'accept' : 'approve');
  switch (action) {
    case 'reject':
    case 'reopen':
    case 'withdraw':
      return <Reason />;
    case 'dispatch':
      return (
        <>
          <Form.Item name="unitId" label={t('caseForm.leadUnit')} rules={[{ required: true, message: t('caseForm.leadUnitRequired') }]}>
            <UnitSelect initial={c.leadUnit} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.unitId !== b.unitId}>
            {({ getFieldValue }) => (
              <Form.Item name="coUnitIds" label={t('caseForm.coUnits')} extra={t('caseForm.coUnitsHint')}>
                <CoUnits excludeId={getFieldValue('unitId') as string | undefined} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="note" label={t('caseForm.note')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </>
      );
    case 'return':
      return (
        <>
          <Form.Item name="reasonCode" label={t('caseForm.returnCode')} rules={[{ required: true, message: t('caseForm.returnCodeRequired') }]}>
            <Radio.Group options={returnReasonCodes.map((r) => ({ value: r, label: t(`returnReason.${r}`) }))} />
          </Form.Item>
          <Reason label={t('caseForm.returnReason')} />
        </>
      );
    case 'request-extension':
      return (
        <>
          <Form.Item name="days" label={t('caseForm.extensionDays')} rules={[{ required: true, type: 'number', min: 1, max: 60, message: t('caseForm.extensionDaysRange') }]}>
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} suffix={t('caseForm.workingDaysUnit')} />
          </Form.Item>
          <Reason />
        </>
      );
    case 'decide-extension':
      return (
        <>
          {c.extensionRequest ? <p>{t('caseForm.extensionAsked', { days: c.extensionRequest.days, reason: c.extensionRequest.reason })}</p> : null}
          <Form.Item name="approve" label={t('caseForm.decision')} rules={[{ required: true, message: t('caseForm.decisionRequired') }]}>
            <Radio.Group options={[{ value: true, label: t('caseForm.approve') }, { value: false, label: t('caseForm.refuse') }]} />
          </Form.Item>
          <Reason required={decision === false} label={decision === false ? t('caseForm.refuseReason') : t('caseForm.reasonOptional')} />
        </>
      );
    case 'answer':
      return (
        <>
          <Form.Item name="publicReply" label={t('caseForm.publicReply')} extra={t('caseForm.publicReplyHint')} rules={[{ required: true, whitespace: true, message: t('caseForm.publicReplyRequired') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Form.Item name="internalNote" label={t('caseForm.internalNote')} extra={t('caseForm.internalNoteHint')} rules={[{ max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="attachments" label={t('files.attachments')} initialValue={[]}>
            <UploadList />
          </Form.Item>
        </>
      );
    case 'verify':
      return (
        <>
          {c.publicReply ? <p style={{ whiteSpace: 'pre-wrap' }}>{t('caseForm.answerWas', { reply: c.publicReply })}</p> : null}
          <Form.Item name="accept" label={t('caseForm.verifyResult')} rules={[{ required: true, message: t('caseForm.decisionRequired') }]}>
            <Radio.Group options={[{ value: true, label: t('caseForm.verifyOk') }, { value: false, label: t('caseForm.verifyFail') }]} />
          </Form.Item>
          <Reason required={decision === false} label={decision === false ? t('caseForm.verifyFailReason') : t('caseForm.reasonOptional')} />
        </>
      );
    case 'rate':
      return (
        <>
          <Form.Item name="rating" label={t('caseForm.rating')} rules={[{ required: true, message: t('caseForm.ratingRequired') }]}>
            <Radio.Group options={caseRatings.map((r) => ({ value: r, label: t(`caseRating.${r}`) }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('caseForm.ratingComment')} rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </>
      );
    case 'comment':
      return (
        <>
          <Form.Item name="text" label={t('caseForm.comment')} rules={[{ required: true, whitespace: true, message: t('caseForm.commentRequired') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Form.Item name="internal" valuePropName="checked" extra={t('caseForm.internalHint')}>
            <Checkbox>{t('caseForm.internal')}</Checkbox>
          </Form.Item>
          <Form.Item name="attachments" label={t('files.attachments')} initialValue={[]}>
            <UploadList />
          </Form.Item>
        </>
      );
    case 'escalate':
      return (
        <>
          <Form.Item name="level" label={t('caseForm.level')} extra={t('caseForm.levelHint')}>
            <Select allowClear options={[1, 2, 3].filter((l) => l > c.supervisionLevel).map((l) => ({ value: l, label: t(`supervision.${l}`) }))} />
          </Form.Item>
          <Reason />
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item name="intoCaseId" label={t('caseForm.mergeInto')} rules={[{ required: true, message: t('caseForm.mergeIntoRequired') }]}>
            <MergeTargetSelect c={c} />
          </Form.Item>
          <Reason />
        </>
      );
    default:
      return null;
  }
}

function CoUnits({ value, onChange, excludeId }: { value?: string[]; onChange?: (v: string[]) => void; excludeId?: string }) {
  const list = value ?? [];
  return (
    <>
      {[...list, null].slice(0, 10).map((id, i) => (
        <div key={id ?? `new-${i}`} style={{ marginBottom: 8 }}>
          <UnitSelect
            value={id}
            excludeId={excludeId}
            onChange={(v) => onChange?.(v ? (id ? list.map((x) => (x === id ? v : x)) : [...list, v]) : list.filter((x) => x !== id))}
          />
        </div>
      ))}
    </>
  );
}

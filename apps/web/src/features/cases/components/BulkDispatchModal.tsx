import { useState } from 'react';
import { Alert, Form, Input, List, Modal, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/errors';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useBulkDispatch, type BulkDispatchResult } from '../api';

interface Values {
  unitId: string;
  coUnitIds?: string[];
  note?: string;
}

/** Dispatch the selected cases to one unit; the server answers for each case. */
export function BulkDispatchModal({ caseIds, onClose }: { caseIds: string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkDispatch();
  const [result, setResult] = useState<BulkDispatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ok = result?.items.filter((i) => i.ok).length ?? 0;
  return (
    <Modal
      open
      title={t('cases.bulkDispatchTitle', { count: caseIds.length })}
      okText={result ? t('common.close') : t('caseAction.dispatch')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      onCancel={() => onClose(!!result)}
      onOk={() => (result ? onClose(true) : form.submit())}
      confirmLoading={bulk.isPending}
    >
      {result ? (
        <>
          <Alert type={ok === result.items.length ? 'success' : 'warning'} showIcon title={t('cases.bulkResult', { ok, total: result.items.length })} style={{ marginBottom: 12 }} />
          {ok < result.items.length ? (
            <List size="small" dataSource={result.items.filter((i) => !i.ok)} renderItem={(i) => (
              <List.Item><Tag color="error">{i.code ? t(`errors.${i.code}`, { defaultValue: i.code }) : '✕'}</Tag>{i.detail}</List.Item>
            )} />
          ) : null}
        </>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          name="bulkDispatch"
          onFinish={(v) => {
            setError(null);
            bulk.mutate(
              { caseIds, unitId: v.unitId, ...(v.coUnitIds?.length ? { coUnitIds: v.coUnitIds } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
              { onSuccess: setResult, onError: (e) => setError(errorMessage(e, t)) },
            );
          }}
        >
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form.Item name="unitId" label={t('caseForm.leadUnit')} rules={[{ required: true, message: t('caseForm.leadUnitRequired') }]}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="note" label={t('caseForm.note')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

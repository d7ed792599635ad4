import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { approvalLevels, enterpriseNeedTypes } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useUpdateNeed, type EnterpriseNeedDetail } from '../api';
import { UnitsSelect } from './UnitsSelect';

interface Values {
  needType: EnterpriseNeedDetail['need']['needType'];
  level: EnterpriseNeedDetail['need']['level'];
  coordinatingUnitIds: string[];
  amountRequestedWan?: number | null;
  amountArrangedWan?: number | null;
  tenantsTarget?: number | null;
  tenantsSigned?: number | null;
  parkingRequested?: number | null;
  parkingApproved?: number | null;
  outcomeNote?: string;
}

const toWan = (yuan: number | null) => (yuan === null ? null : yuan / 10000);
const toYuan = (wan: number | null | undefined) => (wan === null || wan === undefined ? null : Math.round(wan * 1000000) / 100);

/** Record the outcome in figures, or correct type, level and coordinating units. */
export function OutcomeModal({ need: d, onClose }: { need: EnterpriseNeedDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateNeed(d.id);
  const feedback = useFeedback();
  const n = d.need;
  const type = Form.useWatch('needType', form) ?? n.needType;
  const num = (name: keyof Values, label: string, wan = false) => (
    <Form.Item name={name} label={label}>
      <InputNumber min={0} max={wan ? 1e9 : 1_000_000} precision={wan ? 2 : 0} style={{ width: '100%' }} suffix={wan ? t('common.wanYuan') : undefined} />
    </Form.Item>
  );
  return (
    <Modal open title={t('enterprise.outcomeTitle')} okText={t('common.save')} cancelText={t('common.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="need-outcome"
        initialValues={{
          needType: n.needType, level: n.level, coordinatingUnitIds: n.coordinatingUnits.map((u) => u.id),
          amountRequestedWan: toWan(n.amountRequested), amountArrangedWan: toWan(n.amountArranged),
          tenantsTarget: n.tenantsTarget, tenantsSigned: n.tenantsSigned, parkingRequested: n.parkingRequested, parkingApproved: n.parkingApproved,
          outcomeNote: n.outcomeNote ?? '',
        }}
        onFinish={(v) => update.mutate({
          version: n.version, needType: v.needType, level: v.level, coordinatingUnitIds: v.coordinatingUnitIds,
          amountRequested: toYuan(v.amountRequestedWan), amountArranged: toYuan(v.amountArrangedWan),
          tenantsTarget: v.tenantsTarget ?? null, tenantsSigned: v.tenantsSigned ?? null,
          parkingRequested: v.parkingRequested ?? null, parkingApproved: v.parkingApproved ?? null,
          outcomeNote: v.outcomeNote?.trim() || null,
        }, {
          onSuccess: () => { feedback.success('enterprise.outcomeSaved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="needType" label={t('enterprise.type')}>
          <Select options={enterpriseNeedTypes.map((x) => ({ value: x, label: t(`enterprise.types.${x}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('enterprise.level')}>
          <Radio.Group optionType="button" options={approvalLevels.map((l) => ({ value: l, label: t(`enterprise.levels.${l}`) }))} />
        </Form.Item>
        <Form.Item name="coordinatingUnitIds" label={t('enterprise.units')}>
          <UnitsSelect initial={n.coordinatingUnits} />
        </Form.Item>
        {type === 'funding' || n.amountRequested !== null || n.amountArranged !== null ? (
          <>
            {num('amountRequestedWan', t('enterprise.amountRequested'), true)}
            {num('amountArrangedWan', t('enterprise.amountArranged'), true)}
          </>
        ) : null}
        {type === 'investment' || n.tenantsTarget !== null || n.tenantsSigned !== null ? (
          <>
            {num('tenantsTarget', t('enterprise.tenantsTarget'))}
            {num('tenantsSigned', t('enterprise.tenantsSigned'))}
          </>
        ) : null}
        {type === 'parking' || n.parkingRequested !== null || n.parkingApproved !== null ? (
          <>
            {num('parkingRequested', t('enterprise.parkingRequested'))}
            {num('parkingApproved', t('enterprise.parkingApproved'))}
          </>
        ) : null}
        <Form.Item name="outcomeNote" label={t('enterprise.outcomeNote')} rules={[{ max: 2000, message: t('validation.max', { n: 2000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('enterprise.outcomeNoteHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

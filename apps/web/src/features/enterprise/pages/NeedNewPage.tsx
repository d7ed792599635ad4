import { useEffect } from 'react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { approvalLevels, casePriorities, enterpriseNeedTypes } from '@liaison/contracts';
import type { UploadedFile } from '../../../shared/api/client';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { UploadList } from '../../../shared/ui/UploadList';
import { useOnlyProject } from '../../approvals/components/useOnlyProject';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCurrentSession } from '../../session/api';
import { useCreateNeed, type EnterpriseNeedDetail } from '../api';
import { UnitsSelect } from '../components/UnitsSelect';

type Need = EnterpriseNeedDetail['need'];
interface Values {
  projectId: string;
  needType: Need['needType'];
  level: Need['level'];
  title: string;
  description: string;
  priority: 'normal' | 'urgent';
  coordinatingUnitIds: string[];
  dispatch: boolean;
  amountRequestedWan?: number | null;
  tenantsTarget?: number | null;
  parkingRequested?: number | null;
  attachments: UploadedFile[];
}

/** Raise an enterprise need: typed, with the level that must solve it and the units to coordinate. */
export default function NeedNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreateNeed();
  const feedback = useFeedback();
  const session = useCurrentSession();
  const only = useOnlyProject();
  useEffect(() => {
    if (only && !form.getFieldValue('projectId')) form.setFieldValue('projectId', only.id);
  }, [only, form]);
  const mayDispatch = session.roles.some((r) => r === 'commissioner' || r === 'org_admin');
  const type = Form.useWatch('needType', form);
  const units = Form.useWatch('coordinatingUnitIds', form) ?? [];
  const req = (msg: string, max: number) => [{ required: true, whitespace: true, message: msg }, { max, message: t('validation.max', { n: max }) }];

  const submit = (v: Values) =>
    create.mutate({
      projectId: v.projectId, needType: v.needType, level: v.level, title: v.title.trim(), description: v.description.trim(), priority: v.priority,
      coordinatingUnitIds: v.coordinatingUnitIds, dispatch: mayDispatch && v.dispatch && v.coordinatingUnitIds.length > 0,
      ...(v.amountRequestedWan ? { amountRequested: Math.round(v.amountRequestedWan * 1000000) / 100 } : {}),
      ...(v.tenantsTarget ? { tenantsTarget: v.tenantsTarget } : {}),
      ...(v.parkingRequested ? { parkingRequested: v.parkingRequested } : {}),
      ...(v.attachments.length ? { attachmentIds: v.attachments.map((a) => a.id) } : {}),
    }, {
      onSuccess: (n) => { feedback.success('enterprise.created', { number: n.number }); navigate(`/enterprise-needs/${n.id}`); },
      onError: (e) => feedback.error(e, { form }),
    });

  return (
    <>
      <PageHeader title={t('enterprise.new')} sub={t('enterprise.newSub')} />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Form<Values> form={form} layout="vertical" name="need-new" onFinish={submit} scrollToFirstError
          initialValues={{ projectId: search.get('projectId') ?? undefined, level: 'district', priority: 'normal', coordinatingUnitIds: [], dispatch: true, attachments: [] }}>
          <Form.Item name="projectId" label={t('enterprise.project')} rules={[{ required: true, message: t('enterprise.projectRequired') }]}>
            <ProjectSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="needType" label={t('enterprise.type')} rules={[{ required: true, message: t('enterprise.typeRequired') }]}>
            <Radio.Group optionType="button" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
              options={enterpriseNeedTypes.map((x) => ({ value: x, label: t(`enterprise.types.${x}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('enterprise.titleField')} rules={req(t('enterprise.titleRequired'), 200)}>
            <Input placeholder={t('enterprise.titleHint')} />
          </Form.Item>
          <Form.Item name="description" label={t('enterprise.description')} rules={req(t('enterprise.descriptionRequired'), 5000)}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('enterprise.descriptionHint')} />
          </Form.Item>
          {type === 'funding' ? (
            <Form.Item name="amountRequestedWan" label={t('enterprise.amountRequested')}>
              <InputNumber min={0} max={1e9} precision={2} style={{ width: '100%' }} suffix={t('common.wanYuan')} />
            </Form.Item>
          ) : null}
          {type === 'investment' ? (
            <Form.Item name="tenantsTarget" label={t('enterprise.tenantsTarget')}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {type === 'parking' ? (
            <Form.Item name="parkingRequested" label={t('enterprise.parkingRequested')}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="level" label={t('enterprise.level')} extra={t('enterprise.levelHint')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={approvalLevels.map((l) => ({ value: l, label: t(`enterprise.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="coordinatingUnitIds" label={t('enterprise.units')} extra={t('enterprise.unitsHint')}>
            <UnitsSelect />
          </Form.Item>
          {mayDispatch ? (
            <Form.Item name="dispatch" valuePropName="checked">
              <Checkbox disabled={!units.length}>{t('enterprise.dispatchNow')}</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item name="priority" label={t('enterprise.priority')}>
            <Select options={casePriorities.map((p) => ({ value: p, label: t(`casePriority.${p}`) }))} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="attachments" label={t('files.attachments')}>
            <UploadList />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('enterprise.submit')}</Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}

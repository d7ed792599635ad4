import { useEffect } from 'react';
import { Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disputeCategories, disputeRisks } from '@liaison/contracts';
import type { UploadedFile } from '../../../shared/api/client';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { UploadList } from '../../../shared/ui/UploadList';
import { useOnlyProject } from '../../approvals/components/useOnlyProject';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCurrentSession } from '../../session/api';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useCreateDispute, type Dispute } from '../api';
import { PartiesFields, partiesBody, type PartyValue } from '../components/PartiesFields';

interface Values {
  projectId: string;
  title: string;
  description: string;
  category: Dispute['category'];
  risk: Dispute['risk'];
  parties: PartyValue[];
  facts?: string;
  issues?: string;
  dispatchUnitId?: string | null;
  attachments: UploadedFile[];
}

/** File a dispute: the dispute case and its parties in one step; the caller mediates unless someone else is named later. */
export default function DisputeNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreateDispute();
  const feedback = useFeedback();
  const session = useCurrentSession();
  const only = useOnlyProject();
  useEffect(() => {
    if (only && !form.getFieldValue('projectId')) form.setFieldValue('projectId', only.id);
  }, [only, form]);
  const mayDispatch = session.roles.some((r) => r === 'commissioner' || r === 'org_admin');
  const req = (msg: string, max: number) => [{ required: true, whitespace: true, message: msg }, { max, message: t('validation.max', { n: max }) }];

  const submit = (v: Values) =>
    create.mutate({
      projectId: v.projectId, title: v.title.trim(), description: v.description.trim(), category: v.category, risk: v.risk,
      parties: partiesBody(v.parties, false).map(({ id: _id, ...p }) => p),
      ...(v.facts?.trim() ? { facts: v.facts.trim() } : {}), ...(v.issues?.trim() ? { issues: v.issues.trim() } : {}),
      ...(v.dispatchUnitId ? { dispatchUnitId: v.dispatchUnitId } : {}),
      ...(v.attachments.length ? { attachmentIds: v.attachments.map((a) => a.id) } : {}),
    }, {
      onSuccess: (d) => { feedback.success('mediation.created', { number: d.case.number }); navigate(`/disputes/${d.caseId}`); },
      onError: (e) => feedback.error(e, { form }),
    });

  return (
    <>
      <PageHeader title={t('mediation.new')} sub={t('mediation.newSub')} />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Form<Values> form={form} layout="vertical" name="dispute-new" onFinish={submit} scrollToFirstError
          initialValues={{ projectId: search.get('projectId') ?? undefined, risk: 'low', attachments: [], parties: [{ kind: 'resident', name: '' }, { kind: 'enterprise', name: '' }] }}>
          <Form.Item name="projectId" label={t('mediation.project')} rules={[{ required: true, message: t('mediation.projectRequired') }]}>
            <ProjectSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="title" label={t('mediation.titleField')} rules={req(t('mediation.titleRequired'), 200)}>
            <Input placeholder={t('mediation.titleHint')} />
          </Form.Item>
          <Form.Item name="category" label={t('mediation.category')} rules={[{ required: true, message: t('mediation.categoryRequired') }]}>
            <Select placeholder={t('mediation.categoryPick')} options={disputeCategories.map((c) => ({ value: c, label: t(`mediation.categories.${c}`) }))} />
          </Form.Item>
          <Form.Item name="risk" label={t('mediation.riskLabel')} extra={t('mediation.riskHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={disputeRisks.map((r) => ({ value: r, label: t(`mediation.risk.${r}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('mediation.description')} rules={req(t('mediation.descriptionRequired'), 5000)}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('mediation.descriptionHint')} />
          </Form.Item>
          <Typography.Title level={5}>{t('mediation.partiesTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('mediation.partiesHint')}</Typography.Paragraph>
          <PartiesFields />
          <Form.Item name="facts" label={t('mediation.facts')} style={{ marginTop: 16 }} rules={[{ max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item name="issues" label={t('mediation.issues')} rules={[{ max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          {mayDispatch ? (
            <Form.Item name="dispatchUnitId" label={t('mediation.dispatchUnit')} extra={t('mediation.dispatchUnitHint')}>
              <UnitSelect />
            </Form.Item>
          ) : null}
          <Form.Item name="attachments" label={t('files.attachments')}>
            <UploadList />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('mediation.submit')}</Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}

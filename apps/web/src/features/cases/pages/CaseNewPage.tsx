import { Button, Card, Form, Input, Radio, Select, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casePriorities, caseSources, caseTypes, type CasePriority, type CaseType } from '@liaison/contracts';
import type { UploadedFile } from '../../../shared/api/client';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { UploadList } from '../../../shared/ui/UploadList';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCreateCase } from '../api';
import { SimilarCases } from '../components/SimilarCases';

interface Values {
  projectId: string;
  type: CaseType;
  title: string;
  description: string;
  category?: string;
  priority: CasePriority;
  source?: (typeof caseSources)[number];
  attachments: UploadedFile[];
}

const ENTERPRISE_CATEGORIES = ['funding', 'investment', 'parking', 'other'] as const;

export default function CaseNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const feedback = useFeedback();
  const projectId = Form.useWatch('projectId', form);
  const title = Form.useWatch('title', form) ?? '';
  const type = Form.useWatch('type', form);
  const req = { required: true, whitespace: true, message: t('validation.required') };

  const submit = (v: Values) =>
    create.mutate(
      {
        projectId: v.projectId, type: v.type, title: v.title.trim(), description: v.description.trim(), priority: v.priority,
        ...(v.category?.trim() ? { category: v.category.trim() } : {}),
        ...(v.source ? { source: v.source } : {}),
        ...(v.attachments.length ? { attachmentIds: v.attachments.map((a) => a.id) } : {}),
      },
      {
        onSuccess: (c) => {
          feedback.success('caseForm.created', { number: c.number });
          navigate(`/cases/${c.id}`);
        },
        onError: (e) => feedback.error(e, { form }),
      },
    );

  return (
    <>
      <PageHeader title={t('cases.new')} />
      <Card size="small" style={{ maxWidth: 760 }}>
        <Form<Values> form={form} name="newCase" layout="vertical" onFinish={submit} scrollToFirstError
          initialValues={{ projectId: search.get('projectId') ?? undefined, priority: 'normal', attachments: [] }}>
          <Form.Item name="projectId" label={t('cases.project')} rules={[{ required: true, message: t('caseForm.projectRequired') }]}>
            <ProjectSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="type" label={t('cases.type')} rules={[{ required: true, message: t('caseForm.typeRequired') }]}>
            <Select options={caseTypes.map((v) => ({ value: v, label: t(`caseType.${v}`) }))} placeholder={t('caseForm.typePick')} />
          </Form.Item>
          {type === 'enterprise' ? (
            <Form.Item name="category" label={t('cases.category')}>
              <Select allowClear options={ENTERPRISE_CATEGORIES.map((c) => ({ value: t(`enterpriseCategory.${c}`), label: t(`enterpriseCategory.${c}`) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="title" label={t('cases.titleField')} rules={[req, { max: 200, message: t('validation.max', { n: 200 }) }]}>
            <Input placeholder={t('caseForm.titleHint')} />
          </Form.Item>
          <SimilarCases projectId={projectId} title={title} />
          <Form.Item name="description" label={t('cases.description')} rules={[req, { max: 5000, message: t('validation.max', { n: 5000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('caseForm.descriptionHint')} />
          </Form.Item>
          <Form.Item name="priority" label={t('cases.priority')}>
            <Radio.Group options={casePriorities.map((p) => ({ value: p, label: t(`casePriority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="source" label={t('cases.source')}>
            <Select allowClear placeholder={t('caseForm.sourceDefault')} options={caseSources.map((s) => ({ value: s, label: t(`caseSource.${s}`) }))} />
          </Form.Item>
          <Form.Item name="attachments" label={t('files.attachments')}>
            <UploadList />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('caseForm.submit')}</Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}

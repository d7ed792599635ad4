import { useEffect } from 'react';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useOnlyProject } from '../../approvals/components/useOnlyProject';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCreateInspection, useInspectionTemplates } from '../api';

interface Values { projectId: string; templateId: string; location?: string }

/** Start an inspection on site: the project and the checklist, then the run. */
export default function InspectionNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const templates = useInspectionTemplates(true);
  const create = useCreateInspection();
  const feedback = useFeedback();
  const only = useOnlyProject();

  useEffect(() => {
    if (only && !form.getFieldValue('projectId')) form.setFieldValue('projectId', only.id);
  }, [only, form]);
  useEffect(() => {
    const list = templates.data ?? [];
    if (list.length === 1 && !form.getFieldValue('templateId')) form.setFieldValue('templateId', list[0]!.id);
  }, [templates.data, form]);

  return (
    <>
      <PageHeader title={t('safety.newTitle')} sub={t('safety.newSub')} />
      <Card size="small" style={{ maxWidth: 560 }}>
        <Form<Values> form={form} layout="vertical" name="inspection-new" initialValues={{ projectId: search.get('projectId') ?? undefined }}
          onFinish={(v) => create.mutate({ projectId: v.projectId, templateId: v.templateId, ...(v.location?.trim() ? { location: v.location.trim() } : {}) }, {
            onSuccess: (i) => navigate(`/inspections/${i.id}`, { replace: true }),
            onError: (e) => feedback.error(e, { form }),
          })}>
          <Form.Item name="projectId" label={t('safety.project')} rules={[{ required: true, message: t('safety.projectRequired') }]}>
            <ProjectSelect allowClear={false} />
          </Form.Item>
          <Form.Item name="templateId" label={t('safety.template')} rules={[{ required: true, message: t('safety.templateRequired') }]}>
            <Select loading={templates.isPending} placeholder={t('safety.templatePick')}
              options={(templates.data ?? []).map((x) => ({ value: x.id, label: t('approvals.paren', { name: x.name, extra: t('safety.itemCount', { count: x.items.length }) }) }))}
              notFoundContent={<Typography.Text type="secondary">{t('safety.noTemplates')}</Typography.Text>} />
          </Form.Item>
          <Form.Item name="location" label={t('safety.location')} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
            <Input placeholder={t('safety.locationPlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block icon={<SafetyOutlined />} loading={create.isPending} style={{ height: 52 }}>
            {t('safety.start')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

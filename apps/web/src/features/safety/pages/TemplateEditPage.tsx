import { useMemo } from 'react';
import { App, AutoComplete, Button, Card, Flex, Form, Input, Radio, Skeleton, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hazardSeverities } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ActiveTag } from '../../../shared/ui/tags';
import { useCreateInspectionTemplate, useInspectionTemplate, useUpdateInspectionTemplate, type InspectionTemplate } from '../api';

interface ItemValue { category: string; text: string; severity: 'general' | 'major'; basis?: string | null }
interface Values { name: string; description?: string; items: ItemValue[] }

const SUGGESTED = ['临边防护', '脚手架与防护网', '起重机械', '临时用电', '消防', '扬尘', '夜间施工', '基坑支护', '施工机具', '文明施工'];

/** /safety/templates/new and /safety/templates/:id */
export default function TemplateEditPage() {
  const { id } = useParams();
  const q = useInspectionTemplate(id === 'new' ? undefined : id);
  if (id !== 'new' && q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <TemplateForm key={q.data?.version ?? 'new'} template={q.data} />;
}

function TemplateForm({ template }: { template?: InspectionTemplate }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateInspectionTemplate();
  const update = useUpdateInspectionTemplate(template?.id ?? '');
  const feedback = useFeedback();
  const items = Form.useWatch('items', form) ?? [];
  const categories = useMemo(() => [...new Set([...items.map((i) => i?.category).filter(Boolean), ...SUGGESTED])], [items]);

  const submit = (v: Values) => {
    const body = {
      name: v.name.trim(), description: v.description?.trim() ?? '',
      items: v.items.map((i) => ({ category: i.category.trim(), text: i.text.trim(), severity: i.severity, basis: i.basis?.trim() || null })),
    };
    if (template) {
      update.mutate({ version: template.version, ...body }, { onSuccess: () => { feedback.success('common.saved'); navigate('/safety/templates'); }, onError: (e) => feedback.error(e, { form }) });
    } else {
      create.mutate(body, { onSuccess: () => { feedback.success('common.created'); navigate('/safety/templates'); }, onError: (e) => feedback.error(e, { form }) });
    }
  };
  const toggle = () => template && modal.confirm({
    title: template.isActive ? t('safety.retireConfirm', { name: template.name }) : t('safety.restoreConfirm', { name: template.name }),
    content: template.isActive ? t('safety.retireHint') : undefined,
    okText: template.isActive ? t('safety.retire') : t('safety.restore'),
    okButtonProps: { danger: template.isActive },
    cancelText: t('common.cancel'),
    onOk: () => update.mutateAsync({ version: template.version, isActive: !template.isActive }).then(() => feedback.success('common.saved'), (e: unknown) => void feedback.error(e)),
  });

  return (
    <>
      <PageHeader title={template ? t('safety.templateEdit', { name: template.name }) : t('safety.templateNew')}
        sub={template ? <ActiveTag active={template.isActive} /> : undefined}
        extra={template ? <Button danger={template.isActive} onClick={toggle}>{template.isActive ? t('safety.retire') : t('safety.restore')}</Button> : undefined} />
      <Form<Values> form={form} layout="vertical" name="inspection-template" onFinish={submit} scrollToFirstError
        initialValues={template ? { name: template.name, description: template.description, items: template.items } : { items: [{ category: '', text: '', severity: 'general' }] }}>
        <Card size="small" style={{ maxWidth: 900, marginBottom: 12 }}>
          <Form.Item name="name" label={t('safety.templateName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100, message: t('validation.max', { n: 100 }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('safety.templateDescription')} rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Card>
        <Typography.Title level={5}>{t('safety.templateItems')}</Typography.Title>
        <Form.List name="items" rules={[{ validator: (_, v: unknown[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('safety.templateItemsRequired')))) }]}>
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8} style={{ maxWidth: 900 }}>
              {fields.map((f, n) => (
                <Card key={f.key} size="small" title={`${n + 1}`} extra={
                  <Space size={4}>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={n === 0} onClick={() => move(n, n - 1)} aria-label={t('safety.moveUp', { n: n + 1 })} />
                    <Button size="small" icon={<ArrowDownOutlined />} disabled={n === fields.length - 1} onClick={() => move(n, n + 1)} aria-label={t('safety.moveDown', { n: n + 1 })} />
                    <Button size="small" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(n)} aria-label={t('safety.removeItem', { n: n + 1 })} />
                  </Space>
                }>
                  <Flex wrap gap={8}>
                    <Form.Item name={[f.name, 'category']} label={t('safety.category')} style={{ flex: '1 1 180px', marginBottom: 8 }}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40, message: t('validation.max', { n: 40 }) }]}>
                      <AutoComplete options={categories.map((c) => ({ value: c }))} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'severity']} label={t('safety.severityLabel')} style={{ flex: '0 0 auto', marginBottom: 8 }} rules={[{ required: true, message: t('validation.required') }]}>
                      <Radio.Group optionType="button" options={hazardSeverities.map((s) => ({ value: s, label: t(`safety.severity.${s}`) }))} />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[f.name, 'text']} label={t('safety.itemText')} style={{ marginBottom: 8 }}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500, message: t('validation.max', { n: 500 }) }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} label={t('safety.basis')} style={{ marginBottom: 0 }} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
                    <Input placeholder="JGJ 59-2011 3.13" />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ category: fields.length ? form.getFieldValue(['items', fields.length - 1, 'category']) : '', text: '', severity: 'general' })}>
                {t('safety.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{t('common.save')}</Button>
          <Button onClick={() => navigate('/safety/templates')}>{t('common.cancel')}</Button>
        </Flex>
        {template ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('safety.templateSaveHint')}</Typography.Paragraph> : null}
      </Form>
    </>
  );
}

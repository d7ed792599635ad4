import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { usePutApprovalTemplate, type ApprovalItem, type ApprovalTemplate } from '../api';

/** The chain a project category starts with: its items in order (the order they are picked). */
export function TemplateFormModal({ template, items, onClose }: { template?: ApprovalTemplate; items: ApprovalItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ category: string; itemIds: string[] }>();
  const put = usePutApprovalTemplate();
  const feedback = useFeedback();
  return (
    <Modal open title={template ? t('approvals.templateEdit', { category: template.category === '*' ? t('approvals.defaultTemplate') : template.category }) : t('approvals.templateNew')}
      okText={t('common.save')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={put.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="approval-template"
        initialValues={{ category: template?.category ?? '', itemIds: template?.items.map((i) => i.id) ?? [] }}
        onFinish={(v) => put.mutate({ category: v.category.trim(), itemIds: v.itemIds }, {
          onSuccess: () => { feedback.success('common.saved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="category" label={t('approvals.templateCategory')} extra={t('approvals.templateCategoryNewHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40, message: t('validation.max', { n: 40 }) }]}>
          <Input disabled={!!template} />
        </Form.Item>
        <Form.Item name="itemIds" label={t('approvals.templateItems')} extra={t('approvals.templateItemsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('approvals.templateItemsRequired') }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={items.filter((i) => i.isActive).map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

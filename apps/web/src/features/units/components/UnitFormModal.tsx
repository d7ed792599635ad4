import { useEffect } from 'react';
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitKinds, type Unit } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useCreateUnit, useUnit, useUpdateUnit } from '../api';
import { UnitSelect } from './UnitSelect';

interface Values {
  code: string;
  name: string;
  kind: Unit['kind'];
  parentId: string | null;
  phone: string | null;
  isActive: boolean;
}

/** Create a unit (unit undefined) or edit one. */
export function UnitFormModal({ open, unit, onClose }: { open: boolean; unit?: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useFeedback();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  // Edit the freshest copy, so the version we send is current.
  const fresh = useUnit(open ? unit?.id : undefined);
  const editing = fresh.data ?? unit;

  useEffect(() => {
    if (!open) return;
    if (editing) {
      form.setFieldsValue({
        code: editing.code,
        name: editing.name,
        kind: editing.kind,
        parentId: editing.parentId,
        phone: editing.phone,
        isActive: editing.isActive,
      });
    } else {
      form.resetFields();
    }
  }, [open, editing, form]);

  const submit = (v: Values) => {
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    if (editing) {
      update.mutate(
        { id: editing.id, version: editing.version, name: v.name.trim(), parentId: v.parentId ?? null, phone, isActive: v.isActive },
        {
          onSuccess: () => {
            feedback.success('common.saved');
            onClose();
          },
          onError: (e) => feedback.error(e, { form, onStale: () => void fresh.refetch() }),
        },
      );
    } else {
      create.mutate(
        { code: v.code.trim(), name: v.name.trim(), kind: v.kind, parentId: v.parentId ?? null, phone },
        {
          onSuccess: () => {
            feedback.success('common.created');
            onClose();
          },
          onError: (e) => feedback.error(e, { form, fallbackField: { DUPLICATE: 'code' } }),
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('units.edit') : t('units.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      forceRender
    >
      <Form name="unitForm" form={form} layout="vertical" onFinish={submit} initialValues={{ isActive: true }}>
        <Form.Item
          name="code"
          label={t('units.code')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 40, message: t('validation.max', { n: 40 }) },
          ]}
        >
          <Input disabled={!!editing} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 100, message: t('validation.max', { n: 100 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select disabled={!!editing} options={unitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitSelect
            initial={editing?.parentId && editing.parentName ? { id: editing.parentId, name: editing.parentName } : null}
            excludeId={editing?.id}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('units.phone')} rules={[{ max: 40, message: t('validation.max', { n: 40 }) }]}>
          <Input inputMode="tel" />
        </Form.Item>
        {editing ? (
          <Form.Item name="isActive" label={t('units.isActive')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

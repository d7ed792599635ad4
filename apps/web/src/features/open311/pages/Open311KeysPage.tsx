import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCreateOpen311Key, useOpen311Keys, useRevokeOpen311Key, type CreatedOpen311Key, type Open311Key } from '../api';
import { createKeyBody, endpointOf, keySources, type KeySource } from '../bodies';

interface CreateValues {
  name: string;
  source: KeySource;
}

/** Open311 API keys for client systems (a 12345 hotline, a city app): issued here, shown once, revoked here. */
export default function Open311KeysPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const keys = useOpen311Keys();
  const create = useCreateOpen311Key();
  const revoke = useRevokeOpen311Key();
  const feedback = useFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedOpen311Key | null>(null);
  const endpoint = endpointOf(window.location.origin);

  const columns: TableProps<Open311Key>['columns'] = [
    { key: 'name', dataIndex: 'name', title: t('open311.name') },
    { key: 'prefix', dataIndex: 'prefix', title: t('open311.prefix'), responsive: ['md'], render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { key: 'source', dataIndex: 'source', title: t('open311.source'), responsive: ['sm'], render: (v: KeySource) => t(`open311.sources.${v}`) },
    {
      key: 'status',
      title: t('open311.status'),
      width: 100,
      render: (_, k) =>
        k.revokedAt ? (
          <Tooltip title={t('open311.revokedAt', { at: formatDateTime(k.revokedAt) })}>
            <Tag>{t('open311.revoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">{t('open311.active')}</Tag>
        ),
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('open311.createdAt'), responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    { key: 'lastUsedAt', dataIndex: 'lastUsedAt', title: t('open311.lastUsedAt'), responsive: ['md'], render: (v: string | null) => (v ? formatDateTime(v) : t('open311.neverUsed')) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('open311.revokeConfirm', { name: k.name })}
            description={t('open311.revokeHint')}
            okText={t('open311.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(k.id).then(
                () => feedback.success('open311.revokedOk'),
                (e: unknown) => void feedback.error(e),
              )
            }
          >
            <Button size="small" type="link" danger>
              {t('open311.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('open311.title')}
        sub={t('open311.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('open311.create')}
          </Button>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <span>
            {t('open311.endpoint')}{' '}
            <Typography.Text code copyable={{ text: endpoint, tooltips: [t('common.copy'), t('common.copied')] }} style={{ wordBreak: 'break-all' }}>
              {endpoint}
            </Typography.Text>
          </span>
        }
      />
      <Table<Open311Key>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={keys.data ?? []}
        loading={keys.isFetching}
        pagination={false}
        scroll={{ x: isMobile ? 360 : undefined }}
        locale={{ emptyText: t('open311.empty') }}
      />
      <Modal
        open={creating}
        title={t('open311.create')}
        okText={t('open311.createOk')}
        cancelText={t('common.cancel')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
        forceRender
      >
        <Form
          name="createOpen311Key"
          form={form}
          layout="vertical"
          initialValues={{ source: 'other' }}
          onFinish={(v) =>
            create.mutate(createKeyBody(v), {
              onSuccess: (k) => {
                setCreating(false);
                form.resetFields();
                setCreated(k);
              },
              onError: (e) => feedback.error(e, { form }),
            })
          }
        >
          <Form.Item
            name="name"
            label={t('open311.name')}
            extra={t('open311.nameHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { min: 2, transform: (v?: string) => v?.trim(), message: t('validation.min', { n: 2 }) },
              { max: 100, message: t('validation.max', { n: 100 }) },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="source" label={t('open311.source')} extra={t('open311.sourceHint')}>
            <Select options={keySources.map((s) => ({ value: s, label: t(`open311.sources.${s}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title={t('open311.createdTitle', { name: created?.name ?? '' })}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('open311.stored')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('open311.onceWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ text: created?.apiKey ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ wordBreak: 'break-all' }}
        >
          {created?.apiKey}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('open311.usageHint')}</Typography.Text>
      </Modal>
    </>
  );
}

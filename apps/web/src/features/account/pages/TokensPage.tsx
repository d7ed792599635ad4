import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCreateToken, useRevokeToken, useTokens, type ApiToken, type CreatedToken } from '../api';

interface CreateValues {
  name: string;
  expiresInDays?: number | null;
}

function statusOf(tk: ApiToken): 'revoked' | 'expired' | 'active' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && new Date(tk.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

export default function TokensPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const feedback = useFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const columns: TableProps<ApiToken>['columns'] = [
    { key: 'name', dataIndex: 'name', title: t('tokens.name') },
    {
      key: 'prefix',
      dataIndex: 'prefix',
      title: t('tokens.prefix'),
      responsive: ['md'],
      render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
    },
    {
      key: 'status',
      title: t('tokens.status'),
      width: 100,
      render: (_, tk) => {
        const s = statusOf(tk);
        return <Tag color={s === 'active' ? 'green' : 'default'}>{t(`tokens.${s}`)}</Tag>;
      },
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('tokens.createdAt'), responsive: ['lg'], render: (v: string) => formatDateTime(v) },
    { key: 'lastUsedAt', dataIndex: 'lastUsedAt', title: t('tokens.lastUsedAt'), responsive: ['md'], render: (v: string | null) => formatDateTime(v) },
    {
      key: 'expiresAt',
      dataIndex: 'expiresAt',
      title: t('tokens.expiresAt'),
      render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, tk) =>
        statusOf(tk) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: tk.name })}
            description={t('tokens.revokeHint')}
            okText={t('tokens.revoke')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              revoke.mutateAsync(tk.id).then(
                () => feedback.success('tokens.revoked'),
                (e: unknown) => void feedback.error(e),
              )
            }
          >
            <Button size="small" type="link" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  if (tokens.isError) return <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        sub={t('tokens.hint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tokens.create')}
          </Button>
        }
      />
      <Table<ApiToken>
        rowKey="id"
        size={isMobile ? 'small' : 'middle'}
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isFetching}
        pagination={false}
        scroll={{ x: isMobile ? 420 : undefined }}
        locale={{ emptyText: t('tokens.empty') }}
      />
      <Modal
        open={creating}
        title={t('tokens.create')}
        okText={t('tokens.createOk')}
        cancelText={t('common.cancel')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
        forceRender
      >
        <Form
          name="createToken"
          form={form}
          layout="vertical"
          initialValues={{ expiresInDays: 90 }}
          onFinish={(v) =>
            create.mutate(
              { name: v.name.trim(), expiresInDays: v.expiresInDays ?? undefined },
              {
                onSuccess: (tk) => {
                  setCreating(false);
                  form.resetFields();
                  setCreated(tk);
                },
                onError: (e) => feedback.error(e, { form }),
              },
            )
          }
        >
          <Form.Item
            name="name"
            label={t('tokens.name')}
            extra={t('tokens.nameHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 80, message: t('validation.max', { n: 80 }) },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} extra={t('tokens.expiresInDaysHint')}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title={t('tokens.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('tokens.stored')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ text: created?.token ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ wordBreak: 'break-all' }}
        >
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

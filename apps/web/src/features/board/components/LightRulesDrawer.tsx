import { App, Alert, Button, Drawer, Flex, Form, InputNumber, Skeleton, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { lightRuleNames } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useLightRules, useSaveLightRules } from '../api';
import { rulesBody, rulesForm, type RulesFormValues } from '../rules';

/** The organisation department edits the composite light's rules; every project's light is computed again. */
export function LightRulesDrawer({ open, onClose, editable }: { open: boolean; onClose: () => void; editable: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const rules = useLightRules(open);
  const save = useSaveLightRules();
  const feedback = useFeedback();
  const [form] = Form.useForm<RulesFormValues>();

  const submit = (v: RulesFormValues) =>
    modal.confirm({
      title: t('board.lightRules.saveConfirm'),
      content: t('board.lightRules.saveHint'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save.mutateAsync(rulesBody(v, rules.data!.version)).then(
          () => { feedback.success('board.lightRules.saved'); onClose(); },
          (e: unknown) => void feedback.error(e, { form, onStale: () => void rules.refetch() }),
        ),
    });

  const threshold = (name: string, level: 'yellow' | 'red') => (
    <Form.Item
      name={[name, level]}
      label={t(`light.${level}`)}
      style={{ marginBottom: 0, flex: 1 }}
      dependencies={level === 'red' ? [[name, 'yellow']] : undefined}
      rules={level === 'red' ? [({ getFieldValue }) => ({
        validator: async (_, v?: number | null) => {
          const y = getFieldValue([name, 'yellow']) as number | null | undefined;
          if (v !== null && v !== undefined && y !== null && y !== undefined && v < y) throw new Error(t('board.lightRules.redBelowYellow'));
        },
      })] : undefined}
    >
      <InputNumber min={0} max={1_000_000} placeholder={t('board.lightRules.off')} style={{ width: '100%' }} disabled={!editable} aria-label={`${t(`board.rules.${name}`)} ${t(`light.${level}`)}`} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('board.lightRules.title')}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      extra={editable && rules.data ? <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>{t('common.save')}</Button> : null}
    >
      {rules.isPending ? <Skeleton active /> : rules.isError ? <ErrorState error={rules.error} onRetry={() => void rules.refetch()} /> : (
        <Form<RulesFormValues> form={form} layout="vertical" name="light-rules" initialValues={rulesForm(rules.data)} onFinish={submit} disabled={!editable}>
          <Typography.Paragraph type="secondary">{t('board.lightRules.intro')}</Typography.Paragraph>
          <Form.Item name="enabled" label={t('board.lightRules.enabled')} valuePropName="checked" extra={t('board.lightRules.enabledHint')}>
            <Switch />
          </Form.Item>
          {lightRuleNames.map((name) => {
            const unavailable = rules.data.unavailable.includes(name);
            return (
              <div key={name} style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0' }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{t(`board.rules.${name}`)}</Typography.Text>
                  {unavailable ? <Tag>{t('board.lightRules.unavailable')}</Tag> : null}
                </Flex>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>{t(`board.rulesHint.${name}`)}</Typography.Paragraph>
                <Flex gap={12}>
                  {threshold(name, 'yellow')}
                  {threshold(name, 'red')}
                </Flex>
              </div>
            );
          })}
          {!editable ? <Alert type="info" showIcon title={t('board.lightRules.readOnly')} /> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rules.data.updatedAt ? t('board.lightRules.updatedAt', { at: formatDateTime(rules.data.updatedAt) }) : t('board.lightRules.defaults')}
          </Typography.Text>
        </Form>
      )}
    </Drawer>
  );
}

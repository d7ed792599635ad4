import { Button, Card, Flex, Form, Input, Radio } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { disputePartyKinds } from '@liaison/contracts';

export { partiesBody, type PartyValue } from './parties';

const PHONE = /^[0-9+\-\s]{5,20}$/;

/** The parties of a dispute (at least two): kind, name, phone, address, representative for an enterprise. */
export function PartiesFields({ name = 'parties' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name} rules={[{ validator: (_, v: unknown[]) => ((v?.length ?? 0) >= 2 ? Promise.resolve() : Promise.reject(new Error(t('mediation.partiesMin')))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((f, n) => (
            <Card key={f.key} size="small" title={t('mediation.partyN', { n: n + 1 })}
              extra={fields.length > 2 ? <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('mediation.partyRemove', { n: n + 1 })} /> : null}>
              <Form.Item name={[f.name, 'kind']} label={t('mediation.partyKind')} style={{ marginBottom: 8 }}>
                <Radio.Group optionType="button" options={disputePartyKinds.map((k) => ({ value: k, label: t(`mediation.partyKinds.${k}`) }))} />
              </Form.Item>
              <Flex wrap gap={8}>
                <Form.Item name={[f.name, 'name']} label={t('mediation.partyName')} style={{ flex: '1 1 160px', marginBottom: 8 }}
                  rules={[{ required: true, whitespace: true, message: t('mediation.partyNameRequired') }, { max: 100, message: t('validation.max', { n: 100 }) }]}>
                  <Input />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const masked = getFieldValue([name, f.name, 'maskedPhone']) as string | null | undefined;
                    return (
                      <Form.Item name={[f.name, 'phone']} label={t('mediation.partyPhone')} style={{ flex: '1 1 160px', marginBottom: 8 }}
                        extra={masked ? t('mediation.phoneKeep', { phone: masked }) : undefined}
                        rules={[{ pattern: PHONE, message: t('mediation.phoneInvalid') }]}>
                        <Input inputMode="tel" placeholder={masked ?? undefined} />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Flex>
              <Form.Item name={[f.name, 'address']} label={t('mediation.partyAddress')} style={{ marginBottom: 8 }} rules={[{ max: 200, message: t('validation.max', { n: 200 }) }]}>
                <Input />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => getFieldValue([name, f.name, 'kind']) === 'enterprise' ? (
                  <Form.Item name={[f.name, 'representative']} label={t('mediation.partyRepresentative')} style={{ marginBottom: 0 }} rules={[{ max: 40, message: t('validation.max', { n: 40 }) }]}>
                    <Input />
                  </Form.Item>
                ) : null}
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'resident', name: '' })} style={{ alignSelf: 'flex-start' }}>{t('mediation.partyAdd')}</Button>
        </Flex>
      )}
    </Form.List>
  );
}

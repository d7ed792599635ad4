import { useState } from 'react';
import { Button, Card, Flex, Form, Modal, Radio, Select, Tag, Typography } from 'antd';
import { EditOutlined, LockOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { disputeCategories, disputeRisks } from '@liaison/contracts';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useUpdateDispute, type Dispute } from '../api';
import { PartiesFields, partiesBody, type PartyValue } from './PartiesFields';

interface EditValues {
  category: Dispute['category'];
  risk: Dispute['risk'];
  parties: PartyValue[];
}

function EditModal({ d, onClose }: { d: Dispute; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const update = useUpdateDispute(d.caseId);
  const feedback = useFeedback();
  return (
    <Modal open title={t('mediation.editTitle')} okText={t('common.save')} cancelText={t('common.cancel')} width={720}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending} destroyOnHidden>
      <Form<EditValues> form={form} layout="vertical" name="dispute-edit" scrollToFirstError
        initialValues={{
          category: d.category, risk: d.risk,
          parties: d.parties.map((p) => ({
            id: p.id, kind: p.kind, name: p.name, address: p.address, representative: p.representative,
            phone: p.phoneMasked ? '' : p.phone, maskedPhone: p.phoneMasked ? p.phone : null,
          })),
        }}
        onFinish={(v) => update.mutate({ version: d.version, category: v.category, risk: v.risk, parties: partiesBody(v.parties, true) }, {
          onSuccess: () => { feedback.success('common.saved'); onClose(); },
          onError: (e) => feedback.error(e, { form }),
        })}>
        <Form.Item name="category" label={t('mediation.category')}>
          <Select options={disputeCategories.map((c) => ({ value: c, label: t(`mediation.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="risk" label={t('mediation.riskLabel')} extra={t('mediation.riskHint')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={disputeRisks.map((r) => ({ value: r, label: t(`mediation.risk.${r}`) }))} />
        </Form.Item>
        <PartiesFields />
      </Form>
    </Modal>
  );
}

/** The parties, phones masked (138****1234) unless the caller is the mediator or the case's dispatcher. */
export function PartiesCard({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title={t('mediation.parties', { count: d.parties.length })}
      extra={d.allowedActions.includes('edit') ? <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>{t('common.edit')}</Button> : null}>
      <Flex vertical gap={8}>
        {d.parties.map((p) => (
          <Flex key={p.id} vertical gap={0} data-party={p.name}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>{p.name}</Typography.Text>
              <Tag>{t(`mediation.partyKinds.${p.kind}`)}</Tag>
              {p.phone ? (
                p.phoneMasked ? (
                  <Typography.Text type="secondary"><LockOutlined /> {p.phone}</Typography.Text>
                ) : (
                  <a href={`tel:${p.phone}`}><PhoneOutlined /> {p.phone}</a>
                )
              ) : null}
            </Flex>
            {p.representative ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('mediation.representativeIs', { name: p.representative })}</Typography.Text> : null}
            {p.address ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.address}</Typography.Text> : null}
          </Flex>
        ))}
        {!d.contactsVisible && d.parties.some((p) => p.phone) ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}><LockOutlined /> {t('mediation.phonesMasked')}</Typography.Text>
        ) : null}
      </Flex>
      {open ? <EditModal d={d} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { createProjectBody, projectLights, projectPhases } from '@liaison/contracts';
import { UnitSelect } from '../../units/components/UnitSelect';
import { useStreets, type ProjectDetail } from '../api';
import { CommunitySelect } from './StreetCommunitySelect';

export interface ProjectFormValues {
  code: string;
  name: string;
  category: string;
  address: string;
  streetId: string | null;
  communityId: string | null;
  lat: number | null;
  lng: number | null;
  ownerUnitId: string | null;
  contractorUnitId: string | null;
  supervisorUnitId: string | null;
  totalWan: number;
  annualWan: number;
  plannedStart: string;
  plannedFinish: string;
  phase: (typeof projectPhases)[number];
  light: (typeof projectLights)[number];
  description: string;
  constructionHours: string;
  impactNotice: string;
}

export function valuesOf(p?: ProjectDetail): Partial<ProjectFormValues> {
  if (!p) return { phase: 'preparation', light: 'green', description: '', lat: null, lng: null };
  return {
    code: p.code, name: p.name, category: p.category, address: p.address, streetId: p.street?.id ?? null, communityId: p.community?.id ?? null,
    lat: p.lat, lng: p.lng, ownerUnitId: p.owner?.id ?? null, contractorUnitId: p.contractor?.id ?? null, supervisorUnitId: p.supervisor?.id ?? null,
    totalWan: p.totalInvestment / 10000, annualWan: p.annualPlannedInvestment / 10000, plannedStart: p.plannedStart ?? '', plannedFinish: p.plannedFinish ?? '',
    phase: p.phase, light: p.light, description: p.description, constructionHours: p.constructionHours ?? '', impactNotice: p.impactNotice ?? '',
  };
}

const codeSchema = createProjectBody.shape.code;

interface Props {
  project?: ProjectDetail;
  submitting: boolean;
  onSubmit: (v: ProjectFormValues) => void;
  onCancel: () => void;
  form: ReturnType<typeof Form.useForm<ProjectFormValues>>[0];
}

/** The registry form (organisation department): create and edit. */
export function ProjectForm({ project, submitting, onSubmit, onCancel, form }: Props) {
  const { t } = useTranslation();
  const streets = useStreets();
  const streetId = Form.useWatch('streetId', form);
  const req = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number) => ({ max: n, message: t('validation.max', { n }) });
  const money = [{ required: true, type: 'number' as const, min: 0, message: t('projectForm.moneyRequired') }];
  const col = { xs: 24, md: 12 };

  return (
    <Form<ProjectFormValues> form={form} name="project" layout="vertical" initialValues={valuesOf(project)} onFinish={onSubmit} scrollToFirstError>
      <Card size="small" title={t('projects.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="code" label={t('projects.code')} rules={[req, { validator: async (_, v?: string) => { if (v && !codeSchema.safeParse(v).success) throw new Error(t('projectForm.codeFormat')); } }]}>
              <Input disabled={!!project} autoCapitalize="characters" placeholder="XC-ZD-2027-01" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="name" label={t('projects.name')} rules={[req, { min: 2, message: t('validation.min', { n: 2 }) }, max(200)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="category" label={t('projects.category')} rules={[req, max(60)]}>
              <Input placeholder={t('projectForm.categoryHint')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="phase" label={t('projects.phase')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={projectPhases.map((p) => ({ value: p, label: t(`phase.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="light" label={t('projects.light')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={projectLights.map((l) => ({ value: l, label: t(`light.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('projectForm.location')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="streetId" label={t('projects.street')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={streets.isLoading} placeholder={t('projectForm.streetPick')}
                options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                onChange={() => form.setFieldValue('communityId', null)} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="communityId" label={t('projects.community')}>
              <CommunitySelect streetId={streetId} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('projects.address')} rules={[req, { min: 2, message: t('validation.min', { n: 2 }) }, max(300)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lat" label={t('projectForm.lat')} rules={[{ type: 'number', min: -90, max: 90, message: t('projectForm.latRange') }]}>
              <InputNumber step={0.0001} style={{ width: '100%' }} placeholder="30.2900" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lng" label={t('projectForm.lng')} rules={[{ type: 'number', min: -180, max: 180, message: t('projectForm.lngRange') }]}>
              <InputNumber step={0.0001} style={{ width: '100%' }} placeholder="120.1700" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('projectForm.parties')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {(['ownerUnitId', 'contractorUnitId', 'supervisorUnitId'] as const).map((name) => (
            <Col xs={24} md={8} key={name}>
              <Form.Item name={name} label={t(`projectForm.${name}`)}>
                <UnitSelect kind="enterprise" initial={project ? { ownerUnitId: project.owner, contractorUnitId: project.contractor, supervisorUnitId: project.supervisor }[name] : null} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('projectForm.plan')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="totalWan" label={t('projectForm.totalWan')} rules={money}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix={t('common.wanYuan')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="annualWan" label={t('projectForm.annualWan')} rules={money}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix={t('common.wanYuan')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="plannedStart" label={t('projects.plannedStart')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="plannedFinish" label={t('projects.plannedFinish')} dependencies={['plannedStart']}
              rules={[({ getFieldValue }) => ({ validator: async (_, v?: string) => { const s = getFieldValue('plannedStart') as string; if (v && s && v < s) throw new Error(t('projectForm.finishAfterStart')); } })]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('projects.noticeTitle')} style={{ marginBottom: 16 }}>
        <Form.Item name="description" label={t('projects.description')} rules={[max(5000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="constructionHours" label={t('projects.constructionHours')} extra={t('projects.constructionHoursHint')} rules={[max(200)]}>
          <Input />
        </Form.Item>
        <Form.Item name="impactNotice" label={t('projects.impactNotice')} extra={t('projects.impactNoticeHint')} rules={[max(2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>{t('common.save')}</Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

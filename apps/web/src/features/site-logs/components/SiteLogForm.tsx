import { AutoComplete, Button, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { siteLogDuties } from '@liaison/contracts';
import { PhotoCapture, type LocalPhoto } from '../../../shared/ui/PhotoCapture';
import type { WritableProject } from '../api';

export interface SiteLogFormValues {
  projectId: string;
  date: string;
  timeIn?: string;
  timeOut?: string;
  weather?: string;
  duties: string[];
  seen?: string;
  done: string;
  peopleMet?: string;
  photos: LocalPhoto[];
}

const WEATHER = ['sunny', 'cloudy', 'overcast', 'lightRain', 'rain', 'heavyRain', 'snow', 'haze'] as const;

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

interface Props {
  projects: WritableProject[];
  projectsLoading?: boolean;
  initial?: Partial<SiteLogFormValues>;
  submitting?: boolean;
  onSubmit: (v: SiteLogFormValues) => void;
}

/** The day on site; works without a connection (the page keeps it as a draft). */
export function SiteLogForm({ projects, projectsLoading, initial, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SiteLogFormValues>();
  const required = { required: true, message: t('validation.required') };

  return (
    <Form<SiteLogFormValues>
      form={form}
      name="siteLog"
      layout="vertical"
      onFinish={onSubmit}
      initialValues={{ date: todayInShanghai(), duties: [], photos: [], ...initial }}
      scrollToFirstError
    >
      <Form.Item name="projectId" label={t('siteLogs.project')} rules={[{ required: true, message: t('siteLogs.projectRequired') }]}>
        <Select
          loading={projectsLoading}
          options={projects.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={t('siteLogs.projectPick')}
          notFoundContent={t('siteLogs.noProjects')}
        />
      </Form.Item>
      <Form.Item name="date" label={t('siteLogs.date')} rules={[required]}>
        <Input type="date" max={todayInShanghai()} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item name="timeIn" label={t('siteLogs.timeIn')} style={{ flex: 1 }}>
          <Input type="time" />
        </Form.Item>
        <Form.Item
          name="timeOut"
          label={t('siteLogs.timeOut')}
          style={{ flex: 1 }}
          dependencies={['timeIn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v?: string) => {
                const tin = getFieldValue('timeIn') as string | undefined;
                if (v && tin && v < tin) throw new Error(t('siteLogs.timeOrder'));
              },
            }),
          ]}
        >
          <Input type="time" />
        </Form.Item>
      </div>
      <Form.Item name="weather" label={t('siteLogs.weather')} rules={[{ max: 40, message: t('validation.max', { n: 40 }) }]}>
        <AutoComplete
          options={WEATHER.map((w) => ({ value: t(`weather.${w}`) }))}
          placeholder={t('siteLogs.weatherHint')}
          allowClear
        />
      </Form.Item>
      <Form.Item
        name="duties"
        label={t('siteLogs.duties')}
        rules={[{ required: true, type: 'array', min: 1, message: t('siteLogs.dutiesRequired') }]}
      >
        <Checkbox.Group options={siteLogDuties.map((d) => ({ value: d, label: t(`duty.${d}`) }))} />
      </Form.Item>
      <Form.Item name="seen" label={t('siteLogs.seen')} rules={[{ max: 5000, message: t('validation.max', { n: 5000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('siteLogs.seenHint')} />
      </Form.Item>
      <Form.Item
        name="done"
        label={t('siteLogs.done')}
        rules={[{ required: true, whitespace: true, message: t('siteLogs.doneRequired') }, { max: 5000, message: t('validation.max', { n: 5000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('siteLogs.doneHint')} />
      </Form.Item>
      <Form.Item name="peopleMet" label={t('siteLogs.peopleMet')} rules={[{ max: 1000, message: t('validation.max', { n: 1000 }) }]}>
        <Input placeholder={t('siteLogs.peopleMetHint')} />
      </Form.Item>
      <Form.Item name="photos" label={t('siteLogs.photos')}>
        <PhotoCapture max={12} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} block size="large">
        {t('siteLogs.save')}
      </Button>
    </Form>
  );
}

import { appealCategories, appealCategoryNames, type AppealCategory } from '@liaison/contracts';

/**
 * The Open311 services are the appeal categories (OPEN311.md b.3, b.4). Every one has a definition: the optional
 * `project` list (the key projects, by code), and for some a question of their own. A multi-value list is posted as
 * `attribute[code][]=a&attribute[code][]=b`.
 */
export type Attribute = {
  variable: boolean; code: string; datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean; datatype_description: string | null; order: number; description: string; values?: { key: string; name: string }[];
};

type Service = { group: string; keywords: string; description: string; attributes: Omit<Attribute, 'order'>[] };

const list = (pairs: [string, string][]) => pairs.map(([key, name]) => ({ key, name }));

const SERVICES: Record<AppealCategory, Service> = {
  noise: {
    group: '环境影响', keywords: '噪声,噪音,夜间施工,机械轰鸣,noise', description: '施工噪声扰民，尤其是夜间和午休时段',
    attributes: [{
      variable: true, code: 'noise_time', datatype: 'multivaluelist', required: true, datatype_description: '可多选',
      description: '噪声出现在什么时段？', values: list([['night', '夜间（22:00–次日06:00）'], ['midday', '午间（12:00–14:00）'], ['daytime', '白天'], ['holiday', '节假日']]),
    }],
  },
  dust: {
    group: '环境影响', keywords: '扬尘,灰尘,粉尘,渣土,dust', description: '工地扬尘、渣土运输遗撒',
    attributes: [{
      variable: true, code: 'dust_source', datatype: 'multivaluelist', required: false, datatype_description: '可多选',
      description: '扬尘来自哪里？', values: list([['earthwork', '土方作业'], ['vehicles', '渣土车辆'], ['demolition', '拆除作业'], ['bare_soil', '裸土未覆盖']]),
    }],
  },
  traffic: { group: '交通与安全', keywords: '交通,占道,拥堵,围挡,停车,traffic', description: '施工占道、交通组织、车辆进出影响通行', attributes: [] },
  safety: {
    group: '交通与安全', keywords: '安全,隐患,高空坠物,围挡倒塌,safety', description: '工地周边的安全隐患',
    attributes: [{ variable: false, code: 'safety_note', datatype: 'string', required: false, datatype_description: null, description: '如遇紧急险情请先拨打 110 或 119。' }],
  },
  damage: {
    group: '施工影响', keywords: '房屋损坏,开裂,沉降,渗漏,damage', description: '施工引起的房屋开裂、地面沉降、渗漏等',
    attributes: [{
      variable: true, code: 'damage_kind', datatype: 'singlevaluelist', required: false, datatype_description: null,
      description: '损坏的情况', values: list([['crack', '墙体开裂'], ['settlement', '地面沉降'], ['leak', '渗漏'], ['other', '其他']]),
    }],
  },
  hours: {
    group: '施工影响', keywords: '施工时间,超时施工,夜间施工,work hours', description: '在公示的施工时间以外施工',
    attributes: [{ variable: true, code: 'observed_at', datatype: 'datetime', required: false, datatype_description: 'ISO 8601，例如 2026-11-26T23:30:00+08:00', description: '发现施工的时间' }],
  },
  other: { group: '其他', keywords: '其他,other', description: '其他与重点项目施工有关的诉求', attributes: [] },
};

export const isServiceCode = (code: string): code is AppealCategory => (appealCategories as readonly string[]).includes(code);

export const serviceList = () => appealCategories.map((code) => ({
  service_code: code, service_name: appealCategoryNames[code], description: SERVICES[code].description, metadata: true,
  type: 'realtime', keywords: SERVICES[code].keywords, group: SERVICES[code].group,
}));

/** The definition, with the current key projects as the `project` list's values. */
export function serviceDefinition(code: AppealCategory, projects: { code: string; name: string }[]) {
  const project: Omit<Attribute, 'order'> = {
    variable: true, code: 'project', datatype: 'singlevaluelist', required: false,
    datatype_description: '不填则按位置匹配 1 公里内最近的重点项目，或由区委组织部分派', description: '涉及哪个重点项目？',
    values: projects.map((p) => ({ key: p.code, name: p.name })),
  };
  const attributes: Attribute[] = [project, ...SERVICES[code].attributes].map((a, i) => ({ ...a, order: i + 1 }));
  return { service_code: code, attributes };
}

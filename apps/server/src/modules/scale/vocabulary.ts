/** Words the generator builds names and texts from: enough variety that 2- and 3-character searches find a few
 * percent of the cases, as they would in a real city's records. */
import type { Rng } from './prng.js';

/** Hangzhou's districts and counties other than 下城区 (the demo district), with a rough centre. */
export const DISTRICTS: readonly { code: string; name: string; lat: number; lng: number }[] = [
  { code: 'SC', name: '上城区', lat: 30.25, lng: 120.17 }, { code: 'XH', name: '西湖区', lat: 30.27, lng: 120.13 },
  { code: 'BJ', name: '滨江区', lat: 30.21, lng: 120.21 }, { code: 'XS', name: '萧山区', lat: 30.18, lng: 120.27 },
  { code: 'YH', name: '余杭区', lat: 30.42, lng: 120.3 }, { code: 'LP', name: '临平区', lat: 30.42, lng: 120.3 },
  { code: 'QT', name: '钱塘区', lat: 30.32, lng: 120.49 }, { code: 'FY', name: '富阳区', lat: 30.05, lng: 119.96 },
  { code: 'LA', name: '临安区', lat: 30.23, lng: 119.72 }, { code: 'TL', name: '桐庐县', lat: 29.8, lng: 119.69 },
  { code: 'CA', name: '淳安县', lat: 29.61, lng: 119.04 }, { code: 'JD', name: '建德市', lat: 29.47, lng: 119.28 },
];

export const DEPARTMENTS: readonly { code: string; name: string }[] = [
  { code: 'ZZB', name: '委组织部' }, { code: 'ZJJ', name: '住建局' }, { code: 'FGJ', name: '发改局' }, { code: 'CGJ', name: '城管局' },
  { code: 'YJJ', name: '应急管理局' }, { code: 'XFJ', name: '信访局' }, { code: 'SWJ', name: '商务局' }, { code: 'CZJ', name: '财政局' },
  { code: 'GTJ', name: '规划资源分局' }, { code: 'STJ', name: '生态环境分局' },
];

const PLACES = '钱江 望江 湖滨 清波 闸弄口 凯旋 采荷 四季青 彭埠 九堡 丁兰 笕桥 石桥 半山 康桥 祥符 拱宸 米市 和睦 小河 文新 古荡 翠苑 蒋村 转塘 留下 三墩 双浦 西兴 长河 浦沿 北干 城厢 新塘 宁围 盈丰 闻堰 义桥 瓜沥 良渚 仓前 五常 闲林 中泰 塘栖 崇贤 星桥 乔司 下沙 白杨 河庄 义蓬 新湾 银湖 东洲 春江 锦城 青山湖 玲珑 於潜'.split(' ');
const STREET_WORDS = '新华 东新 和平 解放 建国 庆春 环城 体育场 延安 湖墅 莫干山 文一 文二 天目山 曙光 保俶 秋涛 江城 复兴 之江 滨盛 江南 长河 市心 人民 育才 金城 通惠 萧然 文化'.split(' ');
const PROJECT_KINDS = ['商业综合体', '安置房', '人才公寓', '九年一贯制学校', '社区卫生服务中心', '人民医院迁建工程', '产业园', '数字经济园',
  '道路提升改造工程', '地铁上盖综合开发', '体育中心', '文化中心', '污水处理厂提标工程', '未来社区', '老旧小区综合改造', '综合管廊', '科创中心', '养老服务中心'];
const PHASES = ['', '一期', '二期', '三期'];
export const PROJECT_CATEGORIES = ['商业综合体', '保障性住房', '教育设施', '医疗卫生', '产业平台', '交通设施', '公共服务', '市政设施', '城市更新'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建华', '志强', '秀英', '海燕', '国平', '晓东', '丽娟', '俊杰', '文斌', '雪梅', '永康', '佳琪', '宏伟', '春花', '振宇', '敏', '磊', '静',
  '超', '婷', '建国', '立新', '晓峰', '丽萍', '伟', '芳', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '霞', '慧', '红梅', '志刚', '玉兰', '子涵'];
const COMPANY_HEADS = ['杭州', '浙江', '中建', '中铁', '华东', '之江', '钱塘', '西子', '宏达', '中天', '大华', '滨江', '绿城', '万科', '广厦', '恒达', '天和', '润泽'];
const COMPANY_KINDS: Record<'owner' | 'contractor' | 'supervisor', string[]> = {
  owner: ['置业有限公司', '城市建设投资集团有限公司', '开发建设有限公司', '实业有限公司', '城投集团'],
  contractor: ['建设工程有限公司', '建工集团有限公司', '市政工程有限公司', '建筑工程局有限公司'],
  supervisor: ['工程监理有限公司', '建设监理有限公司', '工程咨询有限公司'],
};

export const personName = (rng: Rng) => rng.pick([...SURNAMES]) + rng.pick(GIVEN);
export const streetName = (i: number) => `${STREET_WORDS[i % STREET_WORDS.length]}${i >= STREET_WORDS.length ? Math.floor(i / STREET_WORDS.length) + 1 : ''}街道`;
export const communityName = (rng: Rng) => `${rng.pick(PLACES)}${rng.pick(['', '东', '西', '南', '北', '新'])}社区`;
export const companyName = (rng: Rng, side: 'owner' | 'contractor' | 'supervisor', n: number) =>
  `${rng.pick(COMPANY_HEADS)}${rng.pick(PLACES)}${rng.pick(COMPANY_KINDS[side])}${n > 0 ? `（${n}）` : ''}`;
export const projectName = (rng: Rng) => `${rng.pick(PLACES)}${rng.pick(PROJECT_KINDS)}${rng.pick(PHASES)}`;

/** What a case is about, per type: a subject and what is wrong with it. */
const CASE_TEXT: Record<string, { subjects: string[]; issues: string[]; categories: string[] }> = {
  safety: {
    subjects: ['塔吊', '脚手架', '临边防护', '基坑支护', '临时用电', '消防通道', '高处作业平台', '深基坑', '起重机械', '施工升降机', '防护网', '模板支撑体系', '配电箱', '动火作业'],
    issues: ['防护不到位', '存在安全隐患', '未按规范设置', '检查发现问题需整改', '验收资料缺失', '违规操作', '警示标志缺失'],
    categories: ['临边防护', '脚手架与防护网', '起重机械', '临时用电', '消防', '扬尘', '夜间施工'],
  },
  appeal: {
    subjects: ['夜间施工', '噪声', '扬尘', '渣土车', '道路积水', '围挡', '占道施工', '房屋开裂', '停车', '灯光', '施工振动', '垃圾清运'],
    issues: ['扰民', '影响居民休息', '问题反映', '居民投诉', '持续多日未解决', '影响出行', '请求尽快处理'],
    categories: ['噪声', '扬尘', '交通', '安全', '房屋损坏', '施工时间', '其他'],
  },
  approval: {
    subjects: ['施工许可证', '建设工程规划许可证', '用地预审', '施工图审查', '竣工验收备案', '消防设计审查', '人防审批', '环评批复', '立项备案'],
    issues: ['办理进度滞后', '材料需补正', '协调加快办理', '并联审批协调', '审批时限临近', '窗口受理问题'],
    categories: ['立项备案', '用地预审', '建设用地规划许可证', '建设工程规划许可证', '施工图审查', '施工许可证', '竣工验收备案'],
  },
  dispute: {
    subjects: ['农民工工资', '工程款', '邻里', '征迁补偿', '施工损坏', '围挡占地', '分包合同', '材料款'],
    issues: ['纠纷调解', '引发矛盾', '协商处理', '群体上访风险', '需多方协调'],
    categories: ['劳资', '合同', '邻里', '补偿'],
  },
  enterprise: {
    subjects: ['融资', '招商', '车位', '用工', '用电增容', '供水接入', '人才落户', '税费'],
    issues: ['需求', '困难协调', '诉求', '政策咨询', '要素保障'],
    categories: ['资金', '招商', '车位', '其他'],
  },
  coordination: {
    subjects: ['道路开口', '管线迁改', '交通组织', '绿化迁移', '地铁保护区', '市政配套', '雨污分流', '电力杆线'],
    issues: ['跨部门协调', '需市级部门支持', '协调推进', '方案会审', '进度滞后'],
    categories: ['市政', '交通', '管线', '其他'],
  },
};

const CASE_DETAILS = ['经现场核实', '据居民反映', '项目专员驻点发现', '企业报告', '检查中发现', '12345热线转办', '支部议事会提出'];
const CASE_ASKS = ['请相关单位尽快处理', '请于期限内答复', '请协调解决', '请现场核查后整改', '请明确责任单位', '请加快推进'];

export function caseTexts(rng: Rng, type: string, where: string) {
  const t = CASE_TEXT[type]!;
  const subject = rng.pick(t.subjects);
  const issue = rng.pick(t.issues);
  const title = `${where}${subject}${issue}`.slice(0, 60);
  const days = rng.range(1, 20);
  const description = `${rng.pick(CASE_DETAILS)}，${where}${subject}${issue}，已持续${days}天。${rng.pick(CASE_ASKS)}。`;
  return { title, description, category: rng.pick(t.categories) };
}

export const COMMENTS = ['已电话联系施工单位负责人', '现场查看情况属实', '正在协调相关部门', '已督促整改', '请补充现场照片', '已列入下周议事会议题',
  '企业表示将于本周内完成', '已约谈项目经理', '情况已向分管领导汇报', '请尽快反馈处理进度'];
export const REPLIES = ['经核查，已责令施工单位整改完毕', '已协调相关部门办理完成', '已现场处理，问题已解决', '经调解双方达成一致意见',
  '已按规定完成审批', '已调整施工时间，夜间停止高噪声作业', '已安排专人清扫并加强洒水降尘'];
export const SITE_SEEN = ['主体结构施工正常推进', '现场文明施工情况良好', '塔吊作业有序', '扬尘防控措施落实', '周边道路交通组织有序', '工人实名制考勤正常'];
export const SITE_DONE = ['与施工单位对接本周进度', '协调解决材料进场问题', '督促落实安全生产责任', '走访周边居民听取意见', '参加监理例会', '跟进审批事项办理'];
export const WEATHER = ['晴', '多云', '阴', '小雨', '中雨', '雷阵雨'];

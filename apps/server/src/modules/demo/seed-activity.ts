import { loadActor } from '../../kernel/auth/actors.js';
import { buildCtx, type Ctx } from '../../kernel/context.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { dispatchCase } from '../cases/use-cases/dispatch-case.js';
import { answerCase, signCase } from '../cases/use-cases/handle-case.js';
import { rateCase, verifyCase } from '../cases/use-cases/review-case.js';
import { acceptCase } from '../cases/use-cases/triage-case.js';
import { sweepDeadlines } from '../cases/use-cases/sweep-deadlines.js';

/** How far a demo case has come: each step is taken by the right person, a few hours or days after the last. */
type Stage = 'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'answered' | 'closed' | 'rated';
type Scenario = {
  project: number; type: 'approval' | 'safety' | 'dispute' | 'appeal' | 'enterprise' | 'coordination'; priority?: 'urgent';
  title: string; description: string; unit: string; handler: string; daysAgo: number; stage: Stage; reply?: string;
  rating?: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; reporter?: string;
};

/** A working district's last two months: problems raised on the four real projects and a few others, in every state. */
const SCENARIOS: Scenario[] = [
  { project: 1, type: 'safety', title: '东侧脚手架防护网局部破损', description: '巡查发现东立面12-15层防护网破损约6平方米，存在高空坠物风险。', unit: 'YJJ', handler: 'yjj', daysAgo: 40, stage: 'rated', reply: '施工方已更换破损防护网并加密巡查，经复查合格。', rating: 'satisfied' },
  { project: 1, type: 'enterprise', title: '商业综合体招商对接需求', description: '业主方希望区商务局协助对接品牌商户，补齐三层餐饮业态。', unit: 'SWJ', handler: 'swj', daysAgo: 21, stage: 'in_progress', reporter: 'yz01' },
  { project: 2, type: 'approval', title: '施工许可证申报材料补正', description: '施工图审查意见回复材料需补正，请住建局代办员指导。', unit: 'ZJJ', handler: 'zjj', daysAgo: 35, stage: 'rated', reply: '代办员已上门指导，补正材料当日受理。', rating: 'satisfied' },
  { project: 2, type: 'appeal', title: '夜间混凝土浇筑噪声扰民', description: '周边居民反映22点后仍有泵车作业，影响休息。', unit: 'CGJ', handler: 'cgj', daysAgo: 12, stage: 'answered', reply: '已约谈施工方，夜间作业须办理许可并提前公示，22点后停止高噪声作业。' },
  { project: 3, type: 'enterprise', title: '项目超配车位审批协调', description: '嘉里中心需超配地下车位120个，需市规划和自然资源局审批。', unit: 'SGH', handler: 'sgh', daysAgo: 18, stage: 'assigned' },
  { project: 3, type: 'dispute', title: '农民工工资支付纠纷', description: '分包队伍12名工人反映10月工资未足额发放。', unit: 'CQ', handler: 'changqing', daysAgo: 9, stage: 'in_progress' },
  { project: 4, type: 'safety', priority: 'urgent', title: '基坑北侧围挡外人行通道未设防护棚', description: '地铁上盖基坑北侧紧邻人行道，吊装作业时无防护棚，居民通行存在风险。', unit: 'YJJ', handler: 'yjj', daysAgo: 6, stage: 'in_progress' },
  { project: 4, type: 'coordination', title: '拆违工作居民沟通协调', description: '武林门社区部分居民对拆违存在抵触情绪，需街道、社区联合入户做工作。', unit: 'TS', handler: 'tianshui', daysAgo: 15, stage: 'rated', reply: '街道与社区干部入户走访23户，解释政策，居民已理解配合。', rating: 'basically_satisfied' },
  { project: 4, type: 'appeal', title: '渣土车带泥上路', description: '环城北路沿线渣土车轮胎带泥，路面污染严重。', unit: 'CGJ', handler: 'cgj', daysAgo: 3, stage: 'submitted' },
  { project: 6, type: 'enterprise', title: '安置房项目资金缺口', description: '年度计划投资尚有8000万元资金缺口，需区财政局协调。', unit: 'CZJ', handler: 'czj', daysAgo: 25, stage: 'in_progress' },
  { project: 9, type: 'safety', title: '临时用电线路敷设不规范', description: '生活区临时用电线路拖地敷设，未使用漏电保护器。', unit: 'YJJ', handler: 'yjj', daysAgo: 30, stage: 'rated', reply: '已整改：线路架空敷设，增设三级配电和漏电保护。', rating: 'satisfied' },
  { project: 13, type: 'appeal', title: '施工扬尘影响周边小区', description: '土方开挖未覆盖，大风天气扬尘明显。', unit: 'CGJ', handler: 'cgj', daysAgo: 8, stage: 'accepted' },
  { project: 17, type: 'coordination', title: '地铁施工期间交通组织优化', description: '石桥路段施工占道导致早晚高峰拥堵，需交通部门优化信号配时。', unit: 'SJT', handler: 'sjt', daysAgo: 11, stage: 'assigned' },
  { project: 21, type: 'dispute', title: '周边民房墙体开裂', description: '邻近民房3户反映墙体出现裂缝，怀疑与桩基施工有关。', unit: 'ZJJ', handler: 'zjj', daysAgo: 5, stage: 'submitted' },
];

const ORDER: Stage[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rated'];

/**
 * Demo activity for a fresh demo installation (not for tests): the cases go through the real case engine, as the
 * real people, at times spread over the last weeks — so the timeline, the audit log and the clocks are all genuine.
 */
export async function seedActivity(base: Ctx): Promise<number> {
  const end = base.now().getTime();
  const userIdOf = async (username: string) => (await base.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const as = async (username: string, at: number): Promise<Ctx> => {
    const actor = await loadActor(base.db, await userIdOf(username), 'session');
    return buildCtx({ ...base, clock: { now: () => new Date(at) } }, actor!, { requestId: 'demo-seed' });
  };
  const projects = await base.db.selectFrom('projects').select(['id', 'code']).orderBy('code').execute();
  let n = 0;
  for (const s of SCENARIOS) {
    const project = projects[s.project - 1];
    if (!project) continue;
    const zy = `zy${String(s.project).padStart(2, '0')}`;
    let t = end - s.daysAgo * 86_400_000 + 2 * 3_600_000;
    const step = (hours: number) => (t = Math.min(t + hours * 3_600_000, end - 60_000));
    const reached = (st: Stage) => ORDER.indexOf(s.stage) >= ORDER.indexOf(st);
    const unit = await base.db.selectFrom('units').select('id').where('code', '=', s.unit).executeTakeFirstOrThrow();
    const created = await createCase(await as(s.reporter ?? zy, t), {
      projectId: project.id, type: s.type, title: s.title, description: s.description, priority: s.priority,
      source: s.reporter ? 'enterprise' : 'commissioner',
    });
    n++;
    const id = created.id;
    if (reached('accepted')) await acceptCase(await as(zy, step(2)), id, {});
    if (reached('assigned')) await dispatchCase(await as(zy, step(1)), id, { unitId: unit.id, note: '请尽快核实处理' });
    if (reached('in_progress')) await signCase(await as(s.handler, step(5)), id, {});
    if (reached('answered')) await answerCase(await as(s.handler, step(40)), id, { publicReply: s.reply ?? '已处理。', internalNote: '已电话回访报告人。' });
    if (reached('closed')) await verifyCase(await as(zy, step(20)), id, { accept: true });
    if (reached('rated') && s.rating) await rateCase(await as(s.reporter ?? zy, step(4)), id, { rating: s.rating, comment: '处理及时' });
  }
  await sweepDeadlines(base);
  return n;
}

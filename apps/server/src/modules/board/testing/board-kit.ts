/**
 * A small week of work on the demo district, built through the API with the clock moved, for the board and briefing
 * tests. The expected figures in board.api.test.ts are counted by hand from this story:
 *
 * Week 47 (Mon 16 – Sun 22 Nov 2026)
 *   A safety '脚手架' p01 by zy01 → 住建局 signs at once, answers 17th, closed 17th, rated satisfied.
 *   B appeal '噪声' p01 by yz01 → 住建局 (lead) + 城管局 (co); 城管局 signs at once; 住建局 lets the sign-for limit
 *     (end of 17th) run out, the sweep marks it overdue on the 18th, it signs late on the 18th, answers and is closed
 *     on the 19th, rated unsatisfied.
 *   C dispute p02 by zy02 → 发改局, which sends it back; re-dispatched to 城管局, signed at once; still in progress.
 * Week 48 (Mon 23 – Sun 29 Nov)
 *   D safety p01 by zy01 → 住建局, signed, answered and closed on the 24th, rated basically satisfied.
 *   E enterprise '资金' p01 by zy01, still submitted.
 *   F coordination p02 by zy02, rejected by zy02.
 *   G safety (urgent, 1 working day) p01 by zy01 → 住建局, signed on the 24th; overdue after the 25th.
 * "Now" is Thursday 26 Nov 10:00, after a sweep.
 */
import type { TestApp } from '../../../../test/harness.js';
import { caseKit, type Json } from '../../cases/testing/case-kit.js';

/** 09:00 in Hangzhou on a date. */
export const at9 = (date: string, minutes = 0) => new Date(Date.parse(`${date}T01:00:00.000Z`) + minutes * 60_000);
/** Start the test app here so the story can run forwards. */
export const STORY_START = '2026-11-16T01:00:00.000Z';

export async function buildStory(t: TestApp) {
  const k = await caseKit(t);
  const p02 = k.ids.p02;
  const move = (d: Date) => t.clock.set(d);
  const walk = async (id: string, steps: [by: string, action: string, body?: Json][]) => {
    for (const [by, action, body] of steps) await k.actOk(by, id, action, body ?? {});
  };

  move(at9('2026-11-16'));
  const A = await k.create({ type: 'safety', category: '脚手架', title: '外架连墙件缺失', description: '北侧外架多处连墙件缺失。' }, 'zy01');
  await walk(A.id, [['zy01', 'accept'], ['zy01', 'dispatch', { unitId: k.ids.ZJJ }], ['zjj', 'sign']]);
  const B = await k.create({ type: 'appeal', category: '噪声', title: '夜间施工噪声', description: '22点后仍在施工。' }, 'yz01');
  await walk(B.id, [['zy01', 'accept'], ['zy01', 'dispatch', { unitId: k.ids.ZJJ, coUnitIds: [k.ids.CGJ] }], ['cgj', 'sign']]);
  const C = await k.create({ projectId: p02, type: 'dispute', title: '围挡占道纠纷', description: '商户与施工方争执。' }, 'zy02');
  await walk(C.id, [['zy02', 'accept'], ['zy02', 'dispatch', { unitId: k.ids.FGJ }], ['fgj', 'return', { reasonCode: 'ownership', reason: '非本单位职责' }],
    ['zy02', 'dispatch', { unitId: k.ids.CGJ }], ['cgj', 'sign']]);

  move(at9('2026-11-17', 60));
  await walk(A.id, [['zjj', 'answer', { publicReply: '已补设连墙件。' }], ['zy01', 'verify', { accept: true }], ['zy01', 'rate', { rating: 'satisfied' }]]);

  move(at9('2026-11-18'));
  await k.sweep();
  move(at9('2026-11-18', 60));
  await walk(B.id, [['zjj', 'sign']]);
  move(at9('2026-11-19', 60));
  await walk(B.id, [['zjj', 'answer', { publicReply: '已约谈施工单位，夜间停止高噪声作业。' }], ['zy01', 'verify', { accept: true }], ['yz01', 'rate', { rating: 'unsatisfied' }]]);

  move(at9('2026-11-24'));
  const D = await k.create({ type: 'safety', title: '临边防护缺失', description: '三层临边无防护栏杆。' }, 'zy01');
  await walk(D.id, [['zy01', 'accept'], ['zy01', 'dispatch', { unitId: k.ids.ZJJ }], ['zjj', 'sign'], ['zjj', 'answer', { publicReply: '已设置防护栏杆。' }],
    ['zy01', 'verify', { accept: true }], ['zy01', 'rate', { rating: 'basically_satisfied' }]]);
  const E = await k.create({ type: 'enterprise', category: '资金', title: '配套资金拨付', description: '申请区级配套资金。' }, 'zy01');
  const F = await k.create({ projectId: p02, type: 'coordination', title: '重复提交的协调事项', description: '与已有工单重复。' }, 'zy02');
  await walk(F.id, [['zy02', 'reject', { reason: '重复提交' }]]);
  const G = await k.create({ type: 'safety', priority: 'urgent', title: '塔吊限位失灵', description: '2号塔吊高度限位器失灵。' }, 'zy01');
  await walk(G.id, [['zy01', 'accept'], ['zy01', 'dispatch', { unitId: k.ids.ZJJ }], ['zjj', 'sign']]);

  move(new Date('2026-11-26T02:00:00.000Z'));
  await k.sweep();
  return { k, cases: { A, B, C, D, E, F, G } };
}

import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { closeTestApp, type Json } from '../cases/testing/case-kit.js';
import { buildStory, STORY_START } from '../board/testing/board-kit.js';
import { WEEKLY_JOB } from './briefings.jobs.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof buildStory>>;
beforeAll(async () => {
  t = await createTestApp({ now: STORY_START });
  s = await buildStory(t);
});
afterAll(async () => closeTestApp(t));

const download = async (who: string, q: string) => (await s.k.as(who)).get(`/api/v1/briefings/weekly?${q}`);
const readXlsx = async (data: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: string[][] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return out;
  };
  return { names: wb.worksheets.map((w) => w.name), rows };
};

describe('GET /api/v1/briefings/weekly', () => {
  it('answers 400, 401, 403, 404 and 422 where it must', async () => {
    for (const q of ['week=2026-48', 'week=2025-W53', 'week=2026-W47&format=doc', 'format=pdf', 'week=2026-W47&colour=red']) {
      expectProblem(await download('leader', q), 400, 'VALIDATION_FAILED');
    }
    expectProblem(await t.anonymous().get('/api/v1/briefings/weekly?week=2026-W47'), 401);
    for (const who of ['zy01', 'zjj', 'tianshui', 'admin']) expectProblem(await download(who, 'week=2026-W47'), 403, 'FORBIDDEN');
    expectProblem(await download('leader', 'week=2026-W47&districtId=nowhere'), 404, 'NOT_FOUND');
    expectProblem(await download('leader', 'week=2026-W50'), 422, 'RULE_VIOLATED');
    expect(await t.db.selectFrom('briefings').selectAll().execute()).toEqual([]);
  });

  it('makes week 47\'s briefing in three formats, with the board\'s figures for week 47', async () => {
    const board = s.k.ok(await (await s.k.as('leader')).get('/api/v1/dashboard/summary?week=2026-W47'));
    const xlsx = await download('leader', 'week=2026-W47&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('下城区工作简报-2026-W47.xlsx')}`);
    // The archive keeps the figures it was made from: the board's, to the last drill-down link.
    const archived = await t.db.selectFrom('briefings').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(archived.figures)).toEqual(board);

    const book = await readXlsx(xlsx.rawPayload);
    expect(book.names).toEqual(['概览', '重点项目进展', '问题办理情况', '超期问题清单', '部门排名', '街道排名', '议事决议落实']);
    const key = Object.fromEntries(book.rows('概览').filter((r) => r.length === 2).map(([k, v]) => [k, v]));
    expect(key).toMatchObject({
      '本周新增问题（件）': '3', '本周办结问题（件）': '2', '在办问题（件）': '3', '超期问题（件）': '1',
      响应率: '75.0%（3/4）', 解决率: '100.0%（2/2）', 满意率: '50.0%（1/2）', '平均办结用时（工作日）': '2', '绿灯 / 黄灯 / 红灯': '19 / 5 / 2',
    });
    expect(key['本周新增问题（件）']).toBe(String(board.cases.total.opened.n));
    const byType = book.rows('问题办理情况').slice(1).map((r) => r.join('|'));
    expect(byType).toEqual([
      '审批代办|0|0|0|0', '安全隐患|1|1|1|1', '纠纷调解|1|0|1|0', '居民诉求|1|1|0|0', '企业诉求|0|0|1|0', '跨部门协调|0|0|0|0', '合计|3|2|3|1',
    ]);
    const units = s.k.ok(await (await s.k.as('leader')).get('/api/v1/dashboard/units?week=2026-W47&sort=solve&kind=department'));
    expect(units.total).toBe(3);
    const ranked = book.rows('部门排名').slice(2).map((r) => [r[0], r[1], r[4], r[5], r[6]]);
    expect(ranked).toEqual(units.items.map((u: Json) => [String(u.rank), u.unit.name, ...['response', 'solve', 'satisfaction'].map((k) => (u[k].rate === null ? '—' : `${(u[k].rate * 100).toFixed(1)}%（${u[k].numerator}/${u[k].denominator}）`))]));
    expect(book.rows('街道排名').slice(1)).toEqual([['本周没有派单。']]);
    expect(book.rows('超期问题清单').slice(1).map((r) => r[0])).toEqual([s.cases.G.number]);
    expect(book.rows('概览').flat().join('\n')).toContain('中大银泰城：外架连墙件缺失——区住建局 1 个工作日办结，群众满意。');

    const pdf = await download('leader', 'week=2026-W47&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The Chinese font travels inside the file, and the text reads back as written (poppler-utils, as CI installs it).
    expect(pdf.rawPayload.includes(Buffer.from('NotoSansCJK')) || pdf.rawPayload.includes(Buffer.from('WenQuanYi'))).toBe(true);
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).stdout.toString();
    expect(text).toContain('下城区项目专员协同工作简报（2026年第47周）');
    expect(text).toContain('响应率 75.0%（3/4），解决率 100.0%（2/2），满意率 50.0%（1/2）');
    const docx = await download('leader', 'week=2026-W47&format=docx');
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Served from the archive: the same file, made once.
    expect(Buffer.compare(xlsx.rawPayload, (await download('orgdept', 'week=2026-W47&format=xlsx')).rawPayload)).toBe(0);
    expect(await t.db.selectFrom('briefings').select('id').execute()).toHaveLength(1);
    expect((await t.db.selectFrom('auditLog').select('action').where('action', '=', 'briefing.generated').execute())).toHaveLength(1);
  });

  it('drafts the week under way without archiving it', async () => {
    const draft = await download('leader', 'week=2026-W48&format=xlsx');
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-disposition']).toContain(encodeURIComponent('草稿'));
    expect(draft.headers['cache-control']).toBe('no-store');
    expect(await t.db.selectFrom('briefings').select('week').execute()).toEqual([{ week: '2026-W47' }]);
  });
});

describe('GET /api/v1/briefings', () => {
  it('lists the archive, newest first, with its files', async () => {
    const list = s.k.ok(await (await s.k.as('orgdept')).get('/api/v1/briefings'));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22', district: { name: '下城区' }, generatedBy: '章立群' });
    expect(list.items[0].files.map((f: Json) => [f.format, f.href, f.size > 1000])).toEqual(['pdf', 'docx', 'xlsx'].map((f) => [f, `/api/v1/briefings/weekly?week=2026-W47&format=${f}`, true]));
    expectProblem(await (await s.k.as('orgdept')).get('/api/v1/briefings?pageSize=500'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/briefings'), 401);
    expectProblem(await (await s.k.as('zy01')).get('/api/v1/briefings'), 403, 'FORBIDDEN');
  });
});

describe('the Monday 08:00 job', () => {
  const notices = () => t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId')
    .select(['users.username', 'notifications.title']).where('notifications.kind', '=', 'briefing.ready').orderBy('users.username').execute();

  it('publishes last week\'s briefing once per tick, however many instances poll, and tells the leaders once', async () => {
    const deps = t.app.deps;
    t.clock.set('2026-11-29T23:30:00.000Z'); // Monday 07:30 in Hangzhou: the week is over, the job not due.
    await runDueJobs(deps, t.clock.now());
    // Someone downloads it before eight: archived, nobody told yet.
    expect((await download('leader', 'week=2026-W48&format=xlsx')).statusCode).toBe(200);
    expect(await notices()).toEqual([]);

    t.clock.set('2026-11-30T00:00:00.000Z'); // 08:00
    const reports = await Promise.all([runDueJobs(deps, t.clock.now()), runDueJobs(deps, t.clock.now()), runDueJobs(deps, t.clock.now())]);
    expect(reports.flatMap((r) => r.ticks).filter((n) => n === WEEKLY_JOB)).toHaveLength(1);
    const told = [{ username: 'leader', title: '下城区工作简报（2026年第48周）已生成' }, { username: 'orgdept', title: '下城区工作简报（2026年第48周）已生成' }];
    expect(await notices()).toEqual(told);
    expect((await t.db.selectFrom('briefings').select('week').orderBy('week').execute()).map((r) => r.week)).toEqual(['2026-W47', '2026-W48']);

    t.clock.set('2026-11-30T01:00:00.000Z'); // 09:00: the next tick finds the work done.
    const next = await runDueJobs(deps, t.clock.now());
    expect(next.ticks).toContain(WEEKLY_JOB);
    expect(next.failed).toEqual([]);
    expect(await notices()).toEqual(told);
    const schedule = await t.db.selectFrom('jobSchedules').selectAll().where('name', '=', WEEKLY_JOB).executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({ lastRunAt: Date.parse('2026-11-30T01:00:00.000Z'), nextRunAt: Date.parse('2026-11-30T02:00:00.000Z'), lastError: null });
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { caseKit, closeTestApp, type Json } from '../cases/testing/case-kit.js';
import { signaturePng, sitePhoto, upload } from './testing/evidence.js';

/**
 * The whole safety journey on 中大银泰城 (project 1): zy01 inspects, one major and one general failure become two
 * safety cases addressed to the contractor (sg01's unit), the project stops work, the contractor answers with photos,
 * re-inspection refuses then accepts, the stop-work order is lifted; the general hazard runs overdue and escalates.
 */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let templateId: string;
let contractorUnit: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  templateId = (await t.db.selectFrom('inspectionTemplates').select('id').executeTakeFirstOrThrow()).id;
  contractorUnit = (await t.db.selectFrom('projects').select('contractorUnitId').where('id', '=', k.ids.p01).executeTakeFirstOrThrow()).contractorUnitId!;
});
afterAll(async () => closeTestApp(t));

/** LIAISON_DUMP_DOCS=dir keeps the rendered documents, to convert to PNG and look at. */
const dump = (name: string, data: Buffer) => {
  const dir = process.env.LIAISON_DUMP_DOCS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}`, data);
};

describe('an inspection with one major and one general failure', () => {
  let insp: Json;
  let major: Json;
  let general: Json;

  it('starts as a draft holding its own copy of the checklist', async () => {
    const zy = await k.as('zy01');
    const res = await zy.post('/api/v1/inspections', { projectId: k.ids.p01, templateId, location: '3号楼及南侧基坑' });
    expect(res.statusCode, res.body).toBe(201);
    insp = res.json();
    expect(insp).toMatchObject({ status: 'draft', noticeNumber: null, location: '3号楼及南侧基坑', allowedActions: ['edit', 'submit'], version: 1 });
    expect(insp.contractorUnit.id).toBe(contractorUnit);
    expect(insp.counts).toEqual({ total: 34, pass: 0, fail: 0, na: 0, pending: 34 });
    expect(new Set(insp.items.map((i: Json) => i.category))).toEqual(new Set(['临边防护', '脚手架与防护网', '起重机械', '临时用电', '消防', '扬尘', '夜间施工', '安全管理']));
    // The contractor does not see a draft.
    expect((await (await k.as('sg01')).get(`/api/v1/inspections/${insp.id}`)).statusCode).toBe(404);
  });

  it('records pass / fail / n.a. with photos, notes and both signatures, and submits', async () => {
    const zy = await k.as('zy01');
    major = insp.items.find((i: Json) => i.category === '临边防护' && i.severity === 'major');
    general = insp.items.find((i: Json) => i.category === '扬尘' && i.severity === 'general');
    const night = insp.items.find((i: Json) => i.category === '夜间施工');
    const photoMajor = await upload(zy, await sitePhoto('#c9c2b5'), '临边.jpg');
    const photoGeneral = await upload(zy, await sitePhoto('#b0a48f'), '扬尘.jpg');
    const items = insp.items.map((i: Json) => ({ itemId: i.id, result: 'pass' }));
    Object.assign(items.find((x: Json) => x.itemId === major.id), { result: 'fail', note: '5层东侧临边防护栏杆缺失约12米', photoId: photoMajor });
    Object.assign(items.find((x: Json) => x.itemId === general.id), { result: 'fail', note: '南侧裸土约300平方米未覆盖', photoId: photoGeneral });
    Object.assign(items.find((x: Json) => x.itemId === night.id), { result: 'na' });
    const rec = await zy.patch(`/api/v1/inspections/${insp.id}`, {
      version: insp.version, items, summary: '总体有序，临边防护存在重大隐患',
      inspectorSignatureId: await upload(zy, await signaturePng(0), 'inspector.png'),
      contractorSignatureId: await upload(zy, await signaturePng(20), 'contractor.png'), contractorSignerName: '赵建华',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().counts).toEqual({ total: 34, pass: 31, fail: 2, na: 1, pending: 0 });

    const sub = await zy.post(`/api/v1/inspections/${insp.id}/submit`, { version: rec.json().version });
    expect(sub.statusCode, sub.body).toBe(200);
    insp = sub.json();
    expect(insp).toMatchObject({ status: 'submitted', noticeNumber: '下安整〔2026〕第0001号', stopWorkOrdered: true, allowedActions: ['notice'] });
    expect(insp.submittedAt).toBe('2026-11-26T02:00:00.000Z');
    expect(insp.hazards.map((h: Json) => [h.itemId, h.severity, h.open, h.case.status])).toEqual([
      [major.id, 'major', true, 'assigned'], [general.id, 'general', true, 'assigned'],
    ]);
    // Counted from the next working day: Thursday 26 Nov → major by Friday 27, general by Tuesday 1 Dec (23:59 Hangzhou).
    expect(insp.hazards.map((h: Json) => h.rectifyBy)).toEqual(['2026-11-27T15:59:59.999Z', '2026-12-01T15:59:59.999Z']);
  });

  it('makes each failure a safety case dispatched to the contractor, urgent when major', async () => {
    const [m, g] = await Promise.all(insp.hazards.map((h: Json) => k.get('zy01', h.case.id)));
    expect(m).toMatchObject({ type: 'safety', priority: 'urgent', source: 'inspection', category: '临边防护', status: 'assigned', sourceRef: { type: 'inspection', id: insp.id } });
    expect(g).toMatchObject({ type: 'safety', priority: 'normal', category: '扬尘', status: 'assigned' });
    expect(m.leadUnit.id).toBe(contractorUnit);
    expect(m.title).toBe(`【重大隐患】临边防护：${major.text}`);
    expect(m.description).toContain('限1个工作日内（2026年11月27日前）');
    expect(g.description).toContain('限3个工作日内（2026年12月01日前）');
    const inbox = await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.username', 'notifications.kind']).where('notifications.entityId', 'in', [insp.id, m.id]).execute();
    expect(inbox).toEqual(expect.arrayContaining([{ username: 'sg01', kind: 'case.dispatched' }, { username: 'sg01', kind: 'safety.stop-work' }]));
    const audit = (await t.db.selectFrom('auditLog').select('action').where('entityId', 'in', [insp.id, k.ids.p01]).orderBy('seq').execute()).map((a) => a.action);
    expect(audit).toEqual(['inspection.started', 'inspection.recorded', 'project.stop-work-ordered', 'inspection.submitted']);
  });

  it('marks the project stop-work until re-inspection', async () => {
    const s = (await (await k.as('leader')).get(`/api/v1/projects/${k.ids.p01}/safety`)).json();
    expect(s).toMatchObject({ stopWork: true, since: '2026-11-26T02:00:00.000Z', liftedAt: null, openHazards: { major: 1, general: 1 } });
    expect(s.orderedBy).toEqual({ inspectionId: insp.id, noticeNumber: '下安整〔2026〕第0001号' });
    const ledger = (await (await k.as('zy01')).get(`/api/v1/safety/ledger?projectId=${k.ids.p01}`)).json();
    expect(ledger.stopWorkSites.map((s: Json) => s.project.id)).toEqual([k.ids.p01]);
  });

  it('sets the case engine\'s deadline by severity when the contractor signs', async () => {
    const [m, g] = await Promise.all(insp.hazards.map((h: Json) => k.actOk('sg01', h.case.id, 'sign')));
    expect([m.deadline, g.deadline]).toEqual(['2026-11-27T15:59:59.999Z', '2026-12-01T15:59:59.999Z']);
    expect([m.limitDays, g.limitDays]).toEqual([1, 3]);
  });

  it('issues the rectification notice as PDF and Word, in Chinese, with the photos', async () => {
    const sg = await k.as('sg01');
    const pdf = await sg.get(`/api/v1/inspections/${insp.id}/notice?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('整改通知书-下安整〔2026〕第0001号.pdf'));
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes(Buffer.from('NotoSansCJK'))).toBe(true);
    // Two JPEG thumbnails (DCTDecode) and two PNG signatures (FlateDecode images with a soft mask).
    expect(pdf.rawPayload.toString('latin1').match(/\/Filter \/DCTDecode/g)?.length).toBe(2);
    expect(pdf.rawPayload.toString('latin1').match(/\/SMask/g)?.length).toBe(2);
    dump('notice.pdf', pdf.rawPayload);
    const docx = await sg.get(`/api/v1/inspections/${insp.id}/notice?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of ['安全隐患整改通知书', '下安整〔2026〕第0001号', '5层东侧临边防护栏杆缺失约12米', '赵建华', '2026年11月27日']) expect(xml).toContain(s);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBe(4);
    dump('notice.docx', docx.rawPayload);
  });

  it('shows the photos to those who see the inspection only', async () => {
    const photo = insp.hazards[0].photoId;
    expect((await (await k.as('sg01')).get(`/api/v1/files/${photo}?variant=thumb`)).statusCode).toBe(200);
    expect((await (await k.as('jl01')).get(`/api/v1/files/${photo}`)).statusCode).toBe(200);
    expect((await (await k.as('sg02')).get(`/api/v1/files/${photo}`)).statusCode).toBe(404);
  });

  it('takes the contractor\'s answer with photos; re-inspection refuses (clock running), then accepts', async () => {
    const caseId = insp.hazards[0].case.id;
    const sg = await k.as('sg01');
    const fixed = await upload(sg, await sitePhoto('#d8d2c4'), '整改后.jpg');
    t.clock.set('2026-11-27T01:00:00.000Z');
    const answered = await k.actOk('sg01', caseId, 'answer', { publicReply: '已补设临边防护栏杆并挂密目网', attachmentIds: [fixed] });
    expect(answered.status).toBe('answered');
    expect(answered.attachments.map((a: Json) => a.id)).toEqual([fixed]);
    let view = (await (await k.as('zy01')).get(`/api/v1/inspections/${insp.id}`)).json();
    expect(view.hazards[0]).toMatchObject({ open: true, case: { status: 'answered' } });

    const refused = await k.actOk('zy01', caseId, 'verify', { accept: false, reason: '栏杆高度不足1.2米，踢脚板未设' });
    expect(refused).toMatchObject({ status: 'in_progress', clockState: 'running', deadline: '2026-11-27T15:59:59.999Z' });
    expect((await (await k.as('zy01')).get(`/api/v1/projects/${k.ids.p01}/safety`)).json().stopWork).toBe(true);

    t.clock.set('2026-11-27T06:30:00.000Z');
    await k.actOk('sg01', caseId, 'answer', { publicReply: '栏杆加高至1.2米，补设踢脚板', attachmentIds: [await upload(await k.as('sg01'), await sitePhoto('#e6e0d2'), '复改.jpg')] });
    const closed = await k.actOk('zy01', caseId, 'verify', { accept: true });
    expect(closed.status).toBe('closed');
    view = (await (await k.as('zy01')).get(`/api/v1/inspections/${insp.id}`)).json();
    expect(view.hazards.map((h: Json) => h.open)).toEqual([false, true]);
  });

  it('lifts the stop-work order once every major hazard case is closed, and the job tells the site', async () => {
    const s = (await (await k.as('sg01')).get(`/api/v1/projects/${k.ids.p01}/safety`)).json();
    expect(s).toMatchObject({ stopWork: false, since: null, orderedBy: null, liftedAt: '2026-11-27T06:30:00.000Z', openHazards: { major: 0, general: 1 } });
    const report = await runDueJobs(t.app.deps, t.clock.now());
    expect(report.failed).toEqual([]);
    const row = await t.db.selectFrom('projectSafety').selectAll().where('projectId', '=', k.ids.p01).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stopWork: 0, liftedAt: Date.parse('2026-11-27T06:30:00.000Z') });
    const told = await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select('users.username')
      .where('notifications.kind', '=', 'safety.stop-work-lifted').execute();
    expect(told.map((u) => u.username)).toEqual(expect.arrayContaining(['sg01', 'zy01']));
    await runDueJobs(t.app.deps, new Date(t.clock.now().getTime() + 120_000));
    const lifts = await t.db.selectFrom('auditLog').select('action').where('action', '=', 'project.stop-work-lifted').execute();
    expect(lifts).toHaveLength(1);
  });

  it('escalates an overdue rectification like every case', async () => {
    t.clock.set('2026-12-02T02:00:00.000Z');
    await runDueJobs(t.app.deps, t.clock.now());
    const g = await k.get('zy01', insp.hazards[1].case.id);
    expect(g).toMatchObject({ overdue: true, light: 'red', supervisionLevel: 1 });
    const ledger = (await (await k.as('zy01')).get(`/api/v1/safety/ledger?projectId=${k.ids.p01}`)).json();
    expect(ledger.hazards).toMatchObject({ total: 2, open: 1, closed: 1, overdue: 1 });
    expect(ledger.items.find((h: Json) => h.itemId === general.id).case).toMatchObject({ overdue: true, light: 'red' });
  });
});

// The four promises on a site (issue 5), in the browser on a phone (375 px): the commissioner inspects 中大银泰城 and
// finds a major hazard (photo + note, both signatures drawn on the screen), submits; the project shows 停工整改 and
// the rectification notice downloads as a PDF; the contractor (sg01) sees the hazard case. Then a short look at the
// approval chain (materials ticked, a step taken, a blockage raised as a case) and a dispute filed with a session.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const PHONE = { width: 375, height: 740 };
const PROJECT = '中大银泰城';
const HAZARD_NOTE = '3号楼5层东侧临边防护栏杆缺失约6米，下方为材料堆场。';

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Pick an option of an antd Select and wait for the dropdown to close. */
async function pickSelect(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => openDropdown(page).count()).toBe(0);
}

/** A camera photo bigger than the app sends (2400 × 1800), made by the browser as a JPEG. */
async function bigPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d')!;
    g.fillStyle = '#8a6d3b';
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = '#f5222d';
    g.fillRect(400, 300, 1600, 200);
    return c.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

/** Draw a signature-like scribble on the canvas with the mouse. */
/** A full-page screenshot from the top (the sticky header would otherwise land mid-page). */
async function fullShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await screenshot(page, name, { fullPage: true });
}

async function scribble(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no canvas ${selector}`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, y + (i % 2 ? -30 : 30), { steps: 3 });
  await page.mouse.up();
}

describe('four promises', () => {
  let server: RunningServer;
  let browser: Browser;
  let inspectionPath = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('zy01 inspects 中大银泰城 on a phone: a major failure with photo and note, two signatures, submit → stop work', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'zy01');
      await page.goto('/inspections');
      await page.getByText(/还没有安全检查记录/).waitFor();
      await screenshot(page, 'inspections-empty-375');
      await page.getByRole('button', { name: /新建检查/ }).click();
      await page.waitForURL(/\/inspections\/new$/);
      // The commissioner's one project and the one active checklist are chosen for them.
      await page.locator('.ant-select', { hasText: PROJECT }).first().waitFor();
      await page.locator('.ant-select', { hasText: '房屋建筑工程施工现场安全检查表' }).first().waitFor();
      await page.getByLabel('检查部位').fill('3号楼及东侧材料堆场');
      await screenshot(page, 'inspection-new-375');
      await page.getByRole('button', { name: /开始检查/ }).click();
      await page.waitForURL(/\/inspections\/[0-9a-f-]{20,}$/);
      inspectionPath = new URL(page.url()).pathname;

      const cards = page.locator('[data-item-position]');
      await cards.first().waitFor();
      const total = await cards.count();
      expect(total).toBeGreaterThan(10);

      // Submitting too early says what is missing.
      await page.getByRole('button', { name: /提交检查结果/ }).click();
      await page.getByText(/还有 \d+ 处未完成/).first().waitFor();

      // Item 1 (临边防护, major) fails: a photo from the camera, resized on the phone, and a note.
      const first = cards.nth(0);
      await first.getByRole('button', { name: /不合格/ }).click();
      await expect.poll(() => first.getAttribute('data-item-result')).toBe('fail');
      const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST');
      await first.locator('input[type="file"]').setInputFiles({ name: 'IMG_2001.jpg', mimeType: 'image/jpeg', buffer: await bigPhoto(page) });
      const file = (await (await uploaded).json()) as { id: string; mediaType: string };
      expect(file.mediaType).toBe('image/jpeg');
      const size = await page.evaluate(async (id) => {
        const b = await createImageBitmap(await (await fetch(`/api/v1/files/${id}`)).blob());
        return [b.width, b.height];
      }, file.id);
      expect(Math.max(...size)).toBeLessThanOrEqual(1600);
      await first.getByRole('img', { name: /第 1 项现场照片/ }).waitFor();
      await first.getByLabel('第 1 项问题说明').fill(HAZARD_NOTE);
      await first.getByLabel('第 1 项问题说明').blur();
      await expect.poll(() => page.getByText('已自动保存').count()).toBe(1);
      await first.scrollIntoViewIfNeeded();
      await screenshot(page, 'inspection-failure-375');

      // Everything else passes.
      for (let i = 1; i < total; i++) {
        const card = cards.nth(i);
        await card.getByRole('button', { name: /^\S*\s*合\s*格$/ }).click();
      }
      await expect.poll(async () => (await page.locator('[data-item-result="pass"]').count())).toBe(total - 1);
      await page.getByText(`已检查 ${total} / ${total} 项`).waitFor();
      await page.getByText('已自动保存').waitFor();
      await screenshot(page, 'inspection-run-375');

      // Both signatures, drawn on the screen.
      await page.locator('[data-sign="inspector"] canvas').scrollIntoViewIfNeeded();
      await scribble(page, '[data-sign="inspector"] canvas');
      await page.getByRole('button', { name: /确认签名（检查人）/ }).click();
      await page.getByRole('img', { name: '检查人的签名' }).waitFor();
      await page.getByLabel('施工单位代表姓名').fill('陈立新');
      await page.getByLabel('施工单位代表姓名').blur();
      await page.locator('[data-sign="contractor"] canvas').scrollIntoViewIfNeeded();
      await scribble(page, '[data-sign="contractor"] canvas');
      await page.getByRole('button', { name: /确认签名（施工单位代表）/ }).click();
      await page.getByRole('img', { name: '施工单位代表的签名' }).waitFor();
      await page.getByText(/发现重大隐患 1 项：提交后项目将被责令停工整改/).waitFor();
      await screenshot(page, 'inspection-signed-375');

      await page.getByRole('button', { name: /提交检查结果/ }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByText(/不合格 1 项（重大 1 项）/).waitFor();
      await dlg.getByRole('button', { name: /提交检查结果/ }).click();

      await page.locator('[data-stop-work-banner]').waitFor();
      await page.getByText(/本次检查发现重大隐患 1 项/).waitFor();
      await page.locator('[data-hazard="major"]').getByText(HAZARD_NOTE).waitFor();
      await page.locator('[data-hazard="major"]').getByText(/XC-\d{4}-\d{6}/).waitFor();
      await page.locator('[data-hazard="major"]').getByText(/整改期限/).waitFor();
      await dlg.waitFor({ state: 'detached' });
      await fullShot(page, 'inspection-result-375');

      // The rectification notice downloads as a PDF.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载 PDF/ }).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      const pdf = Buffer.concat(chunks);
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(2000);

      // The project now shows the stop-work order.
      await page.getByRole('link', { name: PROJECT }).first().click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{20,}$/);
      await page.locator('[data-stop-work="true"]').getByText('停工整改').waitFor();
      await screenshot(page, 'project-stop-work-375');
    } finally {
      await page.context().close();
    }
  });

  test('the contractor (sg01) sees the hazard case addressed to them', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'sg01');
      await page.goto('/cases');
      const link = page.getByRole('link', { name: /【重大隐患】临边防护/ }).first();
      await link.waitFor();
      await screenshot(page, 'contractor-cases-375');
      await link.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{20,}$/);
      await page.getByText(HAZARD_NOTE, { exact: false }).first().waitFor();
      await page.getByRole('button', { name: /^\s*签\s*收\s*$/ }).waitFor();
      await fullShot(page, 'contractor-hazard-case-375');

      // The inspection is visible to the contractor too, read-only, with the stop-work banner.
      await page.goto(inspectionPath);
      await page.locator('[data-stop-work-banner]').waitFor();
      expect(await page.getByRole('button', { name: /提交检查结果/ }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  test('zy01 works the approval chain: a material ticked, a step taken, a blockage raised as a case', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'zy01');
      await page.goto('/approvals');
      await page.waitForURL(/projectId=/);
      const step = page.locator('[data-approval="XFYS"]');
      await step.getByText('消防验收').waitFor();
      await step.getByText('未启动').waitFor();
      await screenshot(page, 'approvals-chain-375');

      await step.getByText(/材料清单 0\/\d+/).click();
      // The box follows the server's answer (a controlled checkbox), so click and wait for the count, not check().
      await expect.poll(() => step.getByRole('checkbox').first().isEnabled()).toBe(true);
      await step.getByRole('checkbox').first().click();
      await step.getByText(/材料清单 1\/\d+/).waitFor({ timeout: 15_000 });
      await expect.poll(() => step.getByRole('checkbox').first().isEnabled()).toBe(true);

      await step.getByRole('button', { name: /更新进度/ }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByText('准备材料').first().waitFor();
      await dlg.getByRole('button', { name: /保\s*存/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await step.getByText('准备材料').first().waitFor();

      await step.getByRole('button', { name: /报告受阻/ }).click();
      const block = page.getByRole('dialog');
      await block.getByRole('button', { name: /提交审批协调工单/ }).click();
      await block.getByText('请说明受阻情况').waitFor();
      await block.getByLabel('受阻情况').fill('消防验收需先完成室外消火栓管网接驳，市政供水接口尚未批复。');
      await block.getByRole('button', { name: /提交审批协调工单/ }).click();
      await block.waitFor({ state: 'hidden' });
      await step.getByText('受阻').first().waitFor();
      const caseLink = step.getByRole('link', { name: /XC-\d{4}-\d{6}/ });
      await caseLink.waitFor();
      await screenshot(page, 'approvals-blocked-375');
      await caseLink.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{20,}$/);
      await page.getByText(/消防验收/).first().waitFor();

      await page.goto('/approvals/report');
      await page.getByText('消防验收').first().waitFor();
      await fullShot(page, 'approvals-report-375');
    } finally {
      await page.context().close();
    }
  });

  test('zy01 files a dispute and records a mediation session', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'zy01');
      await page.goto('/disputes');
      await page.getByRole('button', { name: /登记纠纷/ }).click();
      await page.waitForURL(/\/disputes\/new/);
      await page.locator('.ant-select', { hasText: PROJECT }).first().waitFor();
      await page.getByRole('button', { name: /^\s*登\s*记\s*$/ }).click();
      await page.getByText('请填写纠纷事由').waitFor();
      await page.getByLabel('纠纷事由').fill('夜间打桩噪声扰民');
      await pickSelect(page, '纠纷类型', '噪声扰民');
      await page.getByText('中', { exact: true }).click();
      await page.getByLabel('纠纷情况').fill('东侧居民反映连续三晚22点后仍在打桩，要求停止夜间施工并给予补偿。');
      const names = page.getByLabel('姓名 / 名称');
      await names.nth(0).fill('李秀英');
      await names.nth(1).fill('浙江中大建设有限公司');
      const phones = page.getByLabel('联系电话');
      await phones.nth(0).fill('13812345678');
      await fullShot(page, 'dispute-new-375');
      await page.getByRole('button', { name: /^\s*登\s*记\s*$/ }).click();
      await page.waitForURL(/\/disputes\/[0-9a-f-]{20,}$/);
      await page.getByRole('heading', { name: '夜间打桩噪声扰民' }).waitFor();
      // The commissioner dispatches the project's cases: the full number is theirs to ring.
      await page.getByRole('link', { name: /13812345678/ }).waitFor();

      await page.getByRole('button', { name: /记录调解/ }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByLabel('调解地点').fill('项目部一楼会议室');
      await dlg.getByLabel('第 1 条陈述内容').fill('连续三晚无法入睡，要求晚上10点后停止打桩。');
      await dlg.getByLabel('第 2 条陈述内容').fill('同意22:00后停止高噪声作业，并向受影响住户致歉。');
      await dlg.getByText('达成协议', { exact: true }).click();
      await dlg.getByRole('button', { name: /保\s*存/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await page.locator('[data-session]').getByText('项目部一楼会议室', { exact: false }).waitFor();
      await page.getByText('调解笔录（1）').waitFor();
      await fullShot(page, 'dispute-session-375');

      // The agreement (调解协议书): drafted, signed, downloaded; then the callback on performance.
      await page.getByRole('button', { name: /起草调解协议书/ }).click();
      const draft = page.getByRole('dialog');
      await draft.getByRole('button', { name: /保\s*存/ }).click();
      await draft.getByText('请填写此项').first().waitFor();
      await draft.getByLabel('纠纷的主要事实').fill('施工单位连续三晚22时后进行桩基施工，噪声影响东侧住户休息。');
      await draft.getByLabel('争议事项').fill('夜间施工时间及对受影响住户的补偿。');
      await draft.getByLabel('各方当事人的责任').fill('施工单位未按规定办理夜间施工许可，负主要责任。');
      await draft.getByLabel('第 1 条协议内容').fill('施工单位自即日起22:00至次日6:00停止高噪声作业。');
      await draft.getByLabel('履行方式').fill('施工单位书面承诺并在项目公示牌公示。');
      await draft.getByRole('button', { name: /保\s*存/ }).click();
      await draft.waitFor({ state: 'hidden' });
      await page.getByText('草稿').waitFor();
      await page.getByRole('button', { name: /登记签署/ }).click();
      const sign = page.getByRole('dialog');
      await sign.getByRole('button', { name: /登记签署/ }).click();
      await sign.waitFor({ state: 'hidden' });
      await page.getByText('已签署').waitFor();
      await page.getByText(/下调协〔\d{4}〕/).waitFor();
      await page.getByText(/前共同向人民法院申请司法确认/).waitFor();
      const [agreement] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PDF/ }).click()]);
      const chunks: Buffer[] = [];
      for await (const c of await agreement.createReadStream()) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 4).toString('latin1')).toBe('%PDF');
      await page.getByRole('button', { name: /记录回访/ }).click();
      const call = page.getByRole('dialog');
      await call.getByText('已履行', { exact: true }).click();
      await call.getByLabel('回访情况').fill('住户反映夜间已无打桩噪声。');
      await call.getByRole('button', { name: /保\s*存/ }).click();
      await call.waitFor({ state: 'hidden' });
      await page.getByText('履行回访（1）').waitFor();
      await fullShot(page, 'dispute-agreement-375');
    } finally {
      await page.context().close();
    }
  });
  test('zy01 raises an enterprise need on a desktop and records what was arranged', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy01');
      await page.goto('/enterprise-needs');
      await page.getByText(/暂无企业诉求/).waitFor();
      await page.getByRole('button', { name: /提出诉求/ }).click();
      await page.waitForURL(/\/enterprise-needs\/new/);
      await page.locator('.ant-select', { hasText: PROJECT }).first().waitFor();
      await page.getByText('资金缺口', { exact: true }).click();
      await page.getByLabel('诉求标题').fill('二期商业装修资金缺口');
      await page.getByLabel('诉求内容').fill('二期商业装修预算缺口约3000万元，希望协调银行授信。');
      await page.getByLabel('资金需求').fill('3000');
      const units = page.getByLabel('协调单位', { exact: true });
      await units.click();
      await units.fill('发改');
      await openDropdown(page).locator('.ant-select-item-option', { hasText: '区发改局' }).first().click();
      await page.keyboard.press('Escape');
      await screenshot(page, 'need-new-1280', { fullPage: true });
      await page.getByRole('button', { name: /提交诉求/ }).click();
      await page.waitForURL(/\/enterprise-needs\/[0-9a-f-]{20,}$/);
      await page.getByRole('heading', { name: '二期商业装修资金缺口' }).waitFor();
      await page.getByText('待签收').first().waitFor();

      await page.getByRole('button', { name: /记录成果/ }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByLabel('已落实资金').fill('2000');
      await dlg.getByLabel('成果说明').fill('已对接两家银行，落实授信2000万元。');
      await dlg.getByRole('button', { name: /保\s*存/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await page.getByText(/2,000\.00 万元/).first().waitFor();
      await screenshot(page, 'need-detail-1280', { fullPage: true });

      await page.goto('/enterprise-needs/report');
      await page.getByText('资金缺口').first().waitFor();
      await screenshot(page, 'need-report-1280', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('the organisation department reads the safety ledger and the approval report on a desktop', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'orgdept');
      await page.goto('/safety/ledger');
      await page.getByText('停工整改工地（1）').waitFor();
      await page.getByRole('link', { name: PROJECT }).first().waitFor();
      await page.getByText('临边防护').first().waitFor();
      await screenshot(page, 'safety-ledger-1280', { fullPage: true });
      await page.goto('/approvals/report');
      await page.getByText('节省工作日').first().waitFor();
      await screenshot(page, 'approvals-report-1280', { fullPage: true });
      await page.goto('/disputes');
      await page.getByRole('link', { name: '夜间打桩噪声扰民' }).waitFor();
      await screenshot(page, 'disputes-1280');
    } finally {
      await page.context().close();
    }
  });
});

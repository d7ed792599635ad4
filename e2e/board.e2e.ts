// The board and the weekly briefing in the browser (issue 8): the district leader lands on the board, sees the 26
// projects by light, clicks a figure and lands on the filtered list; the board works on a 375 px phone; the
// organisation department edits the light rules; the leader downloads a week's briefing; a commissioner and a
// department each get their own board.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const PHONE = { width: 375, height: 740 };

interface Summary {
  scope: { kind: string; label: string };
  projects: Record<'total' | 'green' | 'yellow' | 'red', { n: number; drill: string }> | null;
}

const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
const summaryOf = async (page: Page) => (await (await page.request.get('/api/v1/dashboard/summary')).json()) as Summary;

describe('the board', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the leader lands on the board, sees 26 projects by light and drills down', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'leader');
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
      const s = await summaryOf(page);
      expect(s.scope.kind).toBe('district');
      const p = s.projects!;
      expect(p.total.n).toBe(26);
      expect(p.green.n + p.yellow.n + p.red.n).toBe(26);
      await page.getByRole('link', { name: '项目总数 26' }).waitFor();
      for (const [light, label] of [['green', '绿灯'], ['yellow', '黄灯'], ['red', '红灯']] as const) {
        await page.getByRole('link', { name: `${label} ${p[light].n}` }).waitFor();
      }
      // Every chart is drawn.
      for (const chart of ['每周新增工单（按类型）', '项目分布', '各项目投资进度']) await page.getByRole('img', { name: chart }).locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      await top(page);
      await screenshot(page, 'board-leader-1280', { fullPage: true });

      // A figure opens the list behind it, filtered as the API says.
      await page.getByRole('link', { name: `红灯 ${p.red.n}` }).click();
      await page.waitForURL((u) => u.pathname === '/projects' && u.searchParams.get('light') === 'red');
      await page.getByText(new RegExp(`共\\s*${p.red.n}\\s*个项目`)).waitFor();
      await expect.poll(() => page.locator('table tbody tr[data-row-key]').count()).toBe(p.red.n);
      await screenshot(page, 'board-drill-red-1280');

      // So does a project's row in the light table, and the "open cases" figure.
      await page.goBack();
      await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
      await page.getByRole('link', { name: /^在办 \d+$/ }).first().click();
      await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.getAll('status').length > 0);

      // The week picker narrows the period figures to one ISO week.
      await page.goto('/');
      await page.getByLabel('统计期间').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').nth(2).click();
      await page.waitForURL((u) => /^\d{4}-W\d{2}$/.test(u.searchParams.get('week') ?? ''));
      await page.getByText(/统计期间 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('on a 375 px phone the board is usable', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'leader');
      await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
      await page.getByRole('link', { name: '项目总数 26' }).waitFor();
      await page.getByRole('img', { name: '项目分布' }).locator('canvas').first().waitFor();
      await page.waitForTimeout(800);
      // Nothing wider than the phone: no sideways scrolling of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'board-leader-375');
      await screenshot(page, 'board-leader-375-full', { fullPage: true });
      await page.getByRole('link', { name: /^黄灯 \d+$/ }).click();
      await page.waitForURL((u) => u.pathname === '/projects' && u.searchParams.get('light') === 'yellow');
      await screenshot(page, 'board-drill-yellow-375');
    } finally {
      await page.context().close();
    }
  });

  test('the organisation department edits the light rules; the leader only reads them', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'orgdept');
      await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
      await page.getByRole('button', { name: '灯色规则' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText('项目综合灯色规则').waitFor();
      await drawer.getByLabel('超期工单（件） 黄灯').fill('5');
      await drawer.getByLabel('超期工单（件） 红灯').fill('3');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await drawer.getByText('红灯阈值不能低于黄灯阈值').waitFor();
      await drawer.getByLabel('超期工单（件） 黄灯').fill('2');
      await drawer.getByLabel('超期工单（件） 红灯').fill('4');
      await drawer.getByText('红灯阈值不能低于黄灯阈值').waitFor({ state: 'hidden' });
      await screenshot(page, 'board-light-rules-1280');
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('灯色规则已保存，项目灯色已重新计算').waitFor();
      const rules = (await (await page.request.get('/api/v1/dashboard/light-rules')).json()) as { rules: { overdueCases: { yellow: number; red: number } }; version: number };
      expect(rules.rules.overdueCases).toEqual({ yellow: 2, red: 4 });
      expect(rules.version).toBe(2);
    } finally {
      await page.context().close();
    }
    const leader = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(leader, 'leader');
      await leader.getByRole('button', { name: '灯色规则' }).click();
      await leader.getByText('灯色规则由组织部设定。').waitFor();
      expect(await leader.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    } finally {
      await leader.context().close();
    }
  });

  test('the leader downloads a week\'s briefing', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'leader');
      await page.getByRole('button', { name: '工作简报' }).click();
      await page.waitForURL((u) => u.pathname === '/briefings');
      await page.getByRole('heading', { name: '工作简报' }).waitFor();
      const pick = async (label: string) => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: new RegExp(`^\\s*(\\S+\\s)?${label}$`) }).first().click()]);
        const path = await file.path();
        return { name: file.suggestedFilename(), path };
      };
      const pdf = await pick('PDF');
      expect(pdf.name).toMatch(/\.pdf$/);
      const { readFile } = await import('node:fs/promises');
      expect((await readFile(pdf.path)).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const xlsx = await pick('Excel');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      expect((await readFile(xlsx.path)).subarray(0, 2).toString('latin1')).toBe('PK');
      const docx = await pick('Word');
      expect(docx.name).toMatch(/\.docx$/);
      // A finished week, once asked for, is in the archive.
      await page.reload();
      await page.locator('table tbody tr[data-row-key]').first().waitFor();
      await top(page);
      await screenshot(page, 'briefings-1280', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('a commissioner sees their project; a department its own cases', async () => {
    for (const [user, title, kind] of [['zy04', '项目驾驶舱', 'project'], ['zjj', '本单位驾驶舱', 'unit']] as const) {
      const page = await newPage(browser, { baseURL: server.url });
      try {
        await signIn(page, user);
        await page.waitForURL((u) => u.pathname === '/');
        await page.getByRole('heading', { name: title }).waitFor();
        const s = await summaryOf(page);
        expect(s.scope.kind).toBe(kind);
        await page.getByText(s.scope.label).first().waitFor();
        if (kind === 'project') await page.getByRole('link', { name: '项目总数 1' }).waitFor();
        else expect(s.projects).toBeNull();
        await page.waitForTimeout(500);
        await screenshot(page, `board-${user}-1280`, { fullPage: true });
      } finally {
        await page.context().close();
      }
    }
  });
});

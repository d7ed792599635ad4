// The project file (issue 3): the organisation department edits a project, a commissioner adds a milestone and
// submits and confirms a monthly progress report, the leader sees every project on the map.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const PHONE = { width: 375, height: 740 };

async function openProject(page: Page, name: string): Promise<string> {
  await page.goto('/projects');
  await page.getByRole('link', { name }).first().click();
  await page.waitForURL(/\/projects\/[^/?]+$/);
  await page.getByRole('heading', { name }).waitFor();
  return new URL(page.url()).pathname;
}

/** Nothing but tables scrolls sideways (polled: after a viewport change the layout settles first). */
async function noSideways(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

describe('project file', () => {
  let server: RunningServer;
  let browser: Browser;
  let projectPath = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the organisation department edits a project', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'orgdept');
      projectPath = await openProject(page, '中大银泰城');
      await page.getByRole('button', { name: /编辑项目/ }).click();
      await page.waitForURL(/\/edit$/);
      await page.getByLabel('施工时间').fill('07:00-12:00, 13:30-21:00');
      await page.getByLabel('施工影响公告').fill('东新路半幅封闭施工，请绕行石祥路。');
      await page.getByLabel('类别').fill('商业综合体（城市更新）');
      // The community list follows the street.
      await page.getByLabel('社区').click();
      await page.locator('.ant-select-item-option', { hasText: '东新园社区' }).waitFor();
      await page.keyboard.press('Escape');
      await screenshot(page, 'project-edit-1280', { fullPage: true });
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL((u) => u.pathname === projectPath);
      await page.getByText('07:00-12:00, 13:30-21:00').waitFor();
      await page.getByText('东新路半幅封闭施工，请绕行石祥路。').waitFor();
      await page.getByText('商业综合体（城市更新）').first().waitFor();
      await screenshot(page, 'project-orgdept-1280');

      await page.goto('/projects/import');
      await page.getByRole('button', { name: /下载模板/ }).waitFor();
      await screenshot(page, 'project-import-1280');
      await page.goto('/projects/new');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('请填写此项').first().waitFor();
      await screenshot(page, 'project-new-validation-1280');
    } finally {
      await page.context().close();
    }
  });

  test('the commissioner adds a milestone and submits and confirms a progress report', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy01');
      await openProject(page, '中大银泰城');
      await page.getByText('07:00-12:00, 13:30-21:00').waitFor();

      await page.getByRole('tab', { name: '节点' }).click();
      await page.getByRole('button', { name: /新增节点/ }).click();
      const ms = page.getByRole('dialog');
      await ms.getByLabel('节点名称').fill('幕墙封闭');
      await ms.getByLabel('计划日期').fill('2026-01-15');
      await ms.getByRole('button', { name: /保\s*存/ }).click();
      await ms.waitFor({ state: 'hidden' });
      const row = page.locator('tr', { hasText: '幕墙封闭' });
      await row.getByText('已逾期').waitFor();
      await expect.poll(() => row.evaluate((el) => el.classList.contains('liaison-row-late'))).toBe(true);
      await expect.poll(() => page.locator('.ant-card', { hasText: '逾期节点' }).innerText()).toMatch(/逾期节点\s*1/);
      await screenshot(page, 'project-milestones-1280');

      // Record the actual date: it stays flagged as done late.
      await row.getByRole('button', { name: /编\s*辑/ }).click();
      await page.getByRole('dialog').getByLabel('实际完成日期').fill('2026-02-10');
      await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
      await row.getByText('逾期完成').waitFor();

      await page.getByRole('tab', { name: '形象进度' }).click();
      await page.getByRole('button', { name: /填报月度形象进度/ }).click();
      const rep = page.getByRole('dialog');
      await rep.getByRole('button', { name: /提\s*交/ }).click();
      await rep.getByText('请填写进展情况').waitFor();
      await rep.getByLabel('形象进度（完成百分比）').fill('64.5');
      await rep.getByLabel('本月完成投资').fill('1200');
      await rep.getByLabel('进展情况').fill('幕墙完成 80%，机电安装进场。');
      const jpeg = await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 800;
        c.height = 600;
        const g = c.getContext('2d')!;
        g.fillStyle = '#3a7';
        g.fillRect(0, 0, 800, 600);
        return c.toDataURL('image/jpeg', 0.8).split(',')[1]!;
      });
      await rep.getByLabel('上传照片').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') });
      await rep.getByRole('img', { name: 'site.jpg' }).waitFor();
      await rep.getByRole('button', { name: /提\s*交/ }).click();
      await rep.waitFor({ state: 'hidden' });
      const card = page.locator('.ant-card', { hasText: '幕墙完成 80%' });
      await card.getByText('待确认').waitFor();
      await card.getByRole('button', { name: /确\s*认/ }).click();
      await page.getByRole('tooltip').getByRole('button', { name: /确\s*认/ }).click();
      await card.getByText('已确认').waitFor();
      await expect.poll(() => page.locator('.ant-card', { hasText: '实际完成（最近确认的月报）' }).innerText()).toContain('64.5%');
      await screenshot(page, 'project-progress-1280', { fullPage: true });

      await page.setViewportSize(PHONE);
      await page.getByRole('tab', { name: '概况' }).click();
      await noSideways(page);
      await screenshot(page, 'project-page-375', { fullPage: true });
      await page.getByRole('tab', { name: '节点' }).click();
      await page.locator('tr', { hasText: '幕墙封闭' }).waitFor();
      await noSideways(page);
      await screenshot(page, 'project-milestones-375', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('the leader sees the 26 projects on the map', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'leader');
      await page.goto('/map');
      await expect.poll(() => page.locator('path.liaison-point').count(), { timeout: 15_000 }).toBe(26);
      await page.getByText('共 26 个项目').waitFor();
      await screenshot(page, 'map-1280');
      await page.locator('path.liaison-point').first().click({ force: true });
      await page.getByRole('link', { name: '打开项目' }).click();
      await page.waitForURL(/\/projects\/[^/]+$/);

      await page.goto('/commissioners');
      await page.getByText('共 26 名项目专员').waitFor();
      await screenshot(page, 'roster-1280');
      await page.setViewportSize(PHONE);
      await page.goto('/map');
      await expect.poll(() => page.locator('path.liaison-point').count(), { timeout: 15_000 }).toBe(26);
      await noSideways(page);
      await screenshot(page, 'map-375');
      await page.goto('/commissioners');
      await page.getByText('共 26 名项目专员').waitFor();
      await noSideways(page);
      await screenshot(page, 'roster-375');
    } finally {
      await page.context().close();
    }
  });

  test('the organisation department imports projects from Excel: a dry run first, every error by row and column', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'orgdept');
      const template = await page.context().request.get('/api/v1/projects/import/template');
      expect(template.status()).toBe(200);
      const workbook = { name: 'projects.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await template.body() };

      await page.goto('/projects/import');
      await page.getByLabel('选择 Excel 文件').setInputFiles(workbook);
      await page.getByRole('button', { name: /检查文件/ }).click();
      await page.getByText(/检查通过：共 1 行/).waitFor();
      await page.getByRole('button', { name: /导入 1 行/ }).click();
      await page.getByText('已导入 1 个项目').waitFor();

      // The same sheet again: its code now exists, and nothing is written.
      await page.goto('/projects/import');
      await page.getByLabel('选择 Excel 文件').setInputFiles(workbook);
      await page.getByRole('button', { name: /检查文件/ }).click();
      await page.getByText(/发现 \d+ 处错误/).waitFor();
      const firstError = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await expect.poll(() => firstError.innerText()).toMatch(/^2\s/);
      await screenshot(page, 'project-import-errors-1280');
      await page.setViewportSize(PHONE);
      await noSideways(page);
      await screenshot(page, 'project-import-errors-375', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });
});

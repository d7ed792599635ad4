// Foundation journeys: signing in, seeing one's projects, the language switch, lockout, and the phone layout.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

/** Rows of the projects table that hold a project (antd adds hidden measure rows). */
const projectRows = (page: Page) => page.locator('table tbody tr[data-row-key]');

async function waitForProjects(page: Page): Promise<void> {
  // Signing in lands on the board (the home page); the journeys continue on the project list.
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 15_000 });
  if (new URL(page.url()).pathname !== '/projects') await page.goto('/projects');
  await projectRows(page).first().waitFor({ state: 'visible', timeout: 15_000 });
}

describe('foundation', () => {
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

  test('a commissioner sees exactly their own project', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy01');
      await waitForProjects(page);
      await expect.poll(() => projectRows(page).count()).toBe(1);
      await expect.poll(() => projectRows(page).first().innerText()).toContain('中大银泰城');
      await expect.poll(() => page.getByText(/共\s*1\s*个项目/).count()).toBeGreaterThan(0);
      await screenshot(page, 'foundation-zy01-projects');

      await page.getByRole('link', { name: '中大银泰城' }).click();
      await page.waitForURL(/\/projects\/[^/]+$/);
      await page.getByRole('heading', { name: '中大银泰城' }).waitFor();
      await page.getByText('王建国').first().waitFor();
      await screenshot(page, 'foundation-zy01-project-detail');
    } finally {
      await page.context().close();
    }
  });

  test('the district leader sees all 26 projects', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'leader');
      await waitForProjects(page);
      await page.getByText(/共\s*26\s*个项目/).waitFor();
      // First page of 20, the rest on page 2.
      await expect.poll(() => projectRows(page).count()).toBe(20);
      await screenshot(page, 'foundation-leader-projects');

      await page.getByTitle('2', { exact: true }).click();
      await page.waitForURL(/[?&]page=2/);
      await expect.poll(() => projectRows(page).count()).toBe(6);
    } finally {
      await page.context().close();
    }
  });

  test('switching to English changes the menu and survives a reload', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'leader');
      await waitForProjects(page);
      const nav = page.getByRole('menu', { name: '主菜单' });
      await nav.getByText('项目', { exact: true }).waitFor();

      // Open the language menu and pick English; on a loaded machine the first click can land before the menu opens.
      for (let attempt = 0; attempt < 3; attempt++) {
        await page.getByRole('button', { name: attempt === 0 ? '语言' : /语言|Language/ }).click();
        await page.getByRole('menuitem', { name: 'English' }).click({ timeout: 10_000 }).catch(() => undefined);
        const switched = await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, { timeout: 10_000 }).then(() => true, () => false);
        if (switched) break;
      }

      const navEn = page.getByRole('menu', { name: 'Main menu' });
      await navEn.getByText('Projects', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Key projects' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.reload();
      await waitForProjects(page);
      await navEn.getByText('Projects', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Language' }).waitFor();
      expect(await page.getByText('Total: 26 projects').count()).toBe(1);
      await screenshot(page, 'foundation-leader-english');
    } finally {
      await page.context().close();
    }
  });

  test('five wrong passwords lock the account', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await page.goto('/login');
      const attempt = async (password: string) => {
        await page.getByLabel('用户名').fill('zy02');
        await page.getByLabel('密码').fill(password);
        const answered = page.waitForResponse(
          (r) => new URL(r.url()).pathname === '/api/v1/session' && r.request().method() === 'POST',
        );
        await page.getByRole('button', { name: /^\s*登\s*录\s*$/ }).click();
        const res = await answered;
        await page.getByRole('alert').first().waitFor();
        return res.status();
      };
      for (let i = 1; i <= 5; i++) {
        const status = await attempt(`wrong-password-${i}`);
        expect([401, 423]).toContain(status);
      }
      // Even the right password is refused now, and the user is told why and for how long.
      const status = await attempt(DEMO_PASSWORD);
      expect(status).toBe(423);
      await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/账户已锁定.*15\s*分钟/);
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'foundation-zy02-locked');
    } finally {
      await page.context().close();
    }
  });

  test('on a 375 px phone the leader can use the project list', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: { width: 375, height: 740 } });
    try {
      await signIn(page, 'leader');
      await waitForProjects(page);
      await page.getByText(/共\s*26\s*个项目/).waitFor();
      await expect.poll(() => projectRows(page).count()).toBe(20);

      // Nothing but the table itself scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const firstName = projectRows(page).first().getByRole('link').first();
      const box = await firstName.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      await screenshot(page, 'foundation-leader-phone');

      // The side menu lives in a drawer behind the menu button.
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menu', { name: '主菜单' }).getByText('项目', { exact: true }).waitFor();
      await screenshot(page, 'foundation-leader-phone-menu');
      await page.keyboard.press('Escape');

      // Searching narrows the list; a row opens the project.
      await page.getByRole('searchbox', { name: '搜索项目' }).fill('中大');
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]q=/);
      await expect.poll(() => projectRows(page).count()).toBe(1);
      await projectRows(page).first().getByRole('link').first().click();
      await page.getByRole('heading', { name: '中大银泰城' }).waitFor();
      await screenshot(page, 'foundation-leader-phone-detail');
    } finally {
      await page.context().close();
    }
  });
});

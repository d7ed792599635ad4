// The case engine in the browser (issue 4): a commissioner raises a case on their project, accepts it and dispatches
// it to 区住建局; the bureau's handler signs for it and answers; the commissioner verifies and it is closed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const TITLE = '东门围挡占用人行道影响通行';
const PHONE = { width: 375, height: 740 };

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Pick an option of an antd Select (typing `search` first when given) and wait for the dropdown to close. */
async function pickSelect(page: Page, label: string, search: string | null, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(search);
  await openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => openDropdown(page).count()).toBe(0);
}

async function action(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).first().click();
}

const statusTag = (page: Page) => page.locator('.ant-descriptions').first();

describe('cases', () => {
  let server: RunningServer;
  let browser: Browser;
  let casePath = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the commissioner raises a case, accepts it and dispatches it to 区住建局', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy01');
      await page.goto('/cases');
      await page.getByText('暂无工单').first().waitFor();
      await screenshot(page, 'cases-empty-1280');
      await page.getByRole('button', { name: /提交问题/ }).click();
      await page.waitForURL(/\/cases\/new/);
      await page.getByRole('button', { name: /^\s*提\s*交\s*$/ }).click();
      await page.getByText('请选择项目').waitFor();
      await page.getByText('请选择问题类型').waitFor();
      await pickSelect(page, '项目', '中大', '中大银泰城');
      await pickSelect(page, '类型', null, '跨部门协调');
      await page.getByLabel('标题').fill(TITLE);
      await page.getByLabel('问题描述').fill('东门施工围挡超出审批范围约 2 米，行人被迫走机动车道。');
      await screenshot(page, 'case-new-1280', { fullPage: true });
      await page.getByRole('button', { name: /^\s*提\s*交\s*$/ }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{20,}$/);
      casePath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await statusTag(page).getByText('待受理').waitFor();

      // Raising it again: the form shows the similar open case.
      await page.goto('/cases/new');
      await pickSelect(page, '项目', '中大', '中大银泰城');
      await page.getByLabel('标题').fill('东门围挡占用人行道');
      await page.getByRole('list', { name: '相似工单' }).getByText(TITLE).waitFor();
      await screenshot(page, 'case-new-similar-1280');

      await page.goto(casePath);
      await action(page, /^\s*受\s*理\s*$/);
      await page.getByRole('dialog').getByRole('button', { name: /^\s*受\s*理\s*$/ }).click();
      await statusTag(page).getByText('已受理').waitFor();

      await action(page, /^\s*派\s*单\s*$/);
      const dlg = page.getByRole('dialog');
      await dlg.getByRole('button', { name: /^\s*派\s*单\s*$/ }).click();
      await dlg.getByText('请选择主办单位').waitFor();
      await pickSelect(page, '主办单位', '住建', '区住建局');
      await dlg.getByLabel('派单说明').fill('请三个工作日内核查整改。');
      await dlg.getByRole('button', { name: /^\s*派\s*单\s*$/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await statusTag(page).getByText('待签收').waitFor();
      await page.getByText('区住建局').first().waitFor();
      await screenshot(page, 'case-dispatched-1280', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('区住建局 signs for the case and answers it', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zjj');
      // The bell says something waits; the notice opens the case.
      await expect.poll(() => page.getByRole('button', { name: /消息通知，\d+ 条未读/ }).getAttribute('aria-label')).toMatch(/[1-9]\d* 条未读/);
      await page.getByRole('button', { name: /消息通知/ }).click();
      await page.getByText(`【派单】`).first().click();
      await page.waitForURL((u) => u.pathname === casePath);

      await page.goto('/cases?view=todo');
      await page.getByRole('link', { name: TITLE }).waitFor();
      await screenshot(page, 'cases-todo-zjj-1280');
      await page.getByRole('link', { name: TITLE }).click();

      await action(page, /^\s*签\s*收\s*$/);
      await page.getByRole('dialog').getByRole('button', { name: /^\s*签\s*收\s*$/ }).click();
      await statusTag(page).getByText('办理中').waitFor();
      await page.getByText(/剩 \d+ 个工作日/).first().waitFor();

      await action(page, /^\s*答\s*复\s*$/);
      const dlg = page.getByRole('dialog');
      await dlg.getByRole('button', { name: /^\s*答\s*复\s*$/ }).click();
      await dlg.getByText('请填写答复内容').waitFor();
      await dlg.getByLabel('答复内容').fill('已责令施工单位当日退回围挡，恢复人行道通行。');
      await dlg.getByLabel('内部备注').fill('施工单位负责人已签字确认。');
      await dlg.getByRole('button', { name: /^\s*答\s*复\s*$/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await statusTag(page).getByText('待核实').waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('the commissioner verifies: the case is closed, and the timeline tells how', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy01');
      await page.goto(casePath);
      await action(page, /^\s*核\s*实\s*$/);
      const dlg = page.getByRole('dialog');
      await dlg.getByText('未解决，退回重办').click();
      await dlg.getByRole('button', { name: /^\s*核\s*实\s*$/ }).click();
      await dlg.getByText('请填写原因').waitFor();
      await dlg.getByText('已解决，办结').click();
      await dlg.getByRole('button', { name: /^\s*核\s*实\s*$/ }).click();
      await dlg.waitFor({ state: 'hidden' });
      await statusTag(page).getByText('已办结').waitFor();

      const timeline = page.locator('.ant-timeline');
      for (const kind of ['created', 'accepted', 'dispatched', 'signed', 'answered', 'internal-note', 'closed']) {
        await timeline.locator(`[data-event-kind="${kind}"]`).waitFor();
      }
      await expect.poll(() => timeline.locator('[data-event-kind="internal-note"]').innerText()).toContain('内部');
      await expect.poll(() => timeline.innerText()).toContain('已责令施工单位当日退回围挡');
      await screenshot(page, 'case-closed-1280', { fullPage: true });

      await page.goto('/cases');
      await page.getByRole('link', { name: TITLE }).waitFor();
      await page.getByRole('searchbox', { name: '搜索工单' }).fill('人行道');
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]q=/);
      await page.getByRole('link', { name: TITLE }).waitFor();
      await screenshot(page, 'cases-list-1280');

      await page.setViewportSize(PHONE);
      await page.goto(casePath);
      await page.locator('.ant-timeline').waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, 'case-closed-375', { fullPage: true });
      await page.goto('/cases');
      await page.getByRole('link', { name: TITLE }).waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, 'cases-list-375');
      await page.goto('/notifications');
      await screenshot(page, 'notifications-375');
    } finally {
      await page.context().close();
    }
  });
});

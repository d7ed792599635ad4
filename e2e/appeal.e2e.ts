// The residents' journey (issue 6): on a 375 px phone a resident opens /portal/, picks 中大银泰城, files a noise
// appeal (the browser solves the server's challenge, resizes a photo) and gets a tracking code; zy01 finds the case in
// the staff app and dispatches it to 区城管局; cgj answers; zy01 verifies; the resident sees the answer and rates it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const PHONE = { width: 375, height: 800 };

/** A signed-in staff page's API client: same cookies as the page, with the session's CSRF token. */
async function staffApi(page: Page) {
  const session = await page.request.get('/api/v1/session');
  expect(session.status()).toBe(200);
  const csrf = (await session.json()).csrfToken as string;
  return {
    get: async (url: string) => {
      const res = await page.request.get(url);
      expect([url, res.status()]).toEqual([url, 200]);
      return res.json();
    },
    post: async (url: string, data: unknown) => {
      const res = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
      if (res.status() !== 200) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
      return res.json();
    },
  };
}

describe('a resident raises a problem from a phone', () => {
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

  test('files a noise appeal, follows it, and rates the answer', async () => {
    const resident = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    const errors: string[] = [];
    resident.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    resident.on('pageerror', (e) => errors.push(e.message));
    try {
      // The board: every key project with its commissioner.
      await resident.goto('/portal/');
      await resident.getByRole('link', { name: '中大银泰城' }).waitFor();
      await resident.getByText('王建国').first().waitFor();
      await screenshot(resident, 'appeal-portal-board');
      await screenshot(resident, 'appeal-portal-board-full', { fullPage: true });
      await resident.getByRole('tab', { name: '地图' }).click();
      await resident.getByRole('application', { name: '地图' }).locator('.leaflet-interactive').first().waitFor();
      await screenshot(resident, 'appeal-portal-board-map');
      await resident.getByRole('tab', { name: '列表' }).click();
      const width = await resident.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);

      // The project's page, then the form.
      await resident.getByRole('link', { name: '中大银泰城' }).click();
      await resident.getByRole('heading', { name: '中大银泰城' }).waitFor();
      await screenshot(resident, 'appeal-portal-project');
      await resident.getByRole('link', { name: '反映问题' }).first().click();
      await resident.getByRole('heading', { name: '反映问题' }).waitFor();
      expect(await resident.getByLabel('涉及项目').inputValue()).not.toBe('');

      await resident.getByRole('radio', { name: '噪声' }).check();
      await resident.getByLabel('问题描述').fill('晚上十一点后工地还在打桩，噪声很大，影响休息。');
      // The map is loaded only now (Leaflet is not part of the first page); a tap picks the point.
      await resident.getByRole('button', { name: '在地图上点选位置' }).click();
      const map = resident.getByRole('application', { name: '在地图上点选位置' });
      await map.locator('.leaflet-interactive').first().waitFor();
      await map.click({ position: { x: 150, y: 120 } });
      await resident.getByText(/已选位置：30\.\d+, 120\.\d+/).waitFor();
      await screenshot(resident, 'appeal-portal-map-pick');
      await resident.getByLabel('或填写地址').fill('东新路822号北门对面小区');
      await resident.getByLabel('称呼').fill('李女士');
      await resident.getByLabel('手机号').fill('13812341234');
      const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 120, g: 130, b: 140 } } }).jpeg().toBuffer();
      await resident.locator('input[type=file]').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: photo });
      await resident.locator('.photos img').first().waitFor();
      await resident.getByText('安全验证已完成').waitFor({ timeout: 60_000 });
      await screenshot(resident, 'appeal-portal-form', { fullPage: true });
      await resident.getByRole('button', { name: '提交' }).click();

      await resident.waitForURL(/\/portal\/done\/[A-Z2-7]{26}$/, { timeout: 30_000 });
      const code = resident.url().split('/').pop()!;
      expect(code).toMatch(/^[A-Z2-7]{26}$/);
      await expect.poll(() => resident.getByTestId('tracking-code').innerText()).toBe(code.match(/.{1,4}/g)!.join('-'));
      await resident.getByText(`/portal/t/${code}`).waitFor();
      await screenshot(resident, 'appeal-portal-done');

      // zy01, the commissioner, signs in to the staff app: the appeal is a case on 中大银泰城, and it shows in the app.
      const zy01 = await newPage(browser, { baseURL: server.url });
      await signIn(zy01, 'zy01');
      const staff = await staffApi(zy01);
      const cases = await staff.get('/api/v1/cases?type=appeal&source=public_portal');
      const theCase = cases.items.find((c: { project: { name: string }; sourceRef: { type: string } | null }) => c.project.name === '中大银泰城' && c.sourceRef?.type === 'appeal');
      expect(theCase).toBeTruthy();
      expect(theCase.status).toBe('submitted');
      expect(theCase.reporter).toBeNull();
      const appeal = await staff.get(`/api/v1/appeals/${theCase.sourceRef.id}`);
      expect(appeal.contact.phone).toBe('138****1234');
      expect(appeal.photoIds).toHaveLength(1);
      expect(appeal.location.lat).toBeGreaterThan(30);
      const inbox = await staff.get('/api/v1/notifications');
      expect(JSON.stringify(inbox)).toContain(theCase.number);
      await zy01.goto(`/cases/${theCase.id}`);
      await zy01.getByText(theCase.number).first().waitFor();
      await screenshot(zy01, 'appeal-staff-case');

      const cgjUnit = (await staff.get(`/api/v1/units?q=${encodeURIComponent('区城管局')}`)).items[0];
      expect(cgjUnit.name).toBe('区城管局');
      await staff.post(`/api/v1/cases/${theCase.id}/actions/accept`, {});
      await staff.post(`/api/v1/cases/${theCase.id}/actions/dispatch`, { unitId: cgjUnit.id });

      // cgj signs for it and answers; the answer carries an internal note the resident must never see.
      const cgj = await newPage(browser, { baseURL: server.url });
      await signIn(cgj, 'cgj');
      const handler = await staffApi(cgj);
      await handler.post(`/api/v1/cases/${theCase.id}/actions/sign`, {});
      const revealed = await handler.post(`/api/v1/appeals/${theCase.sourceRef.id}/reveal-phone`, {});
      expect(revealed.phone).toBe('13812341234');
      await handler.post(`/api/v1/cases/${theCase.id}/actions/answer`, {
        publicReply: '已约谈施工单位，夜间22:00后停止打桩作业，并在北侧加装隔音屏障。', internalNote: '施工方项目经理已签承诺书（内部）',
      });
      await staff.post(`/api/v1/cases/${theCase.id}/actions/verify`, { accept: true });
      await cgj.context().close();
      await zy01.context().close();

      // The resident follows the short link: the answer, the public timeline, and the rating form.
      await resident.goto(`/portal/t/${code}`);
      await resident.getByText('已约谈施工单位').waitFor();
      await resident.getByText('已交由 区城管局 办理').waitFor();
      const page = await resident.content();
      expect(page).not.toContain('施工方项目经理');
      expect(page).not.toContain('施国强');
      expect(page).not.toContain('13812341234');
      await screenshot(resident, 'appeal-portal-status', { fullPage: true });
      await resident.getByRole('radio', { name: '满意', exact: true }).check();
      await resident.getByLabel('意见（选填）').fill('处理及时，谢谢！');
      await resident.getByRole('button', { name: '提交评价' }).click();
      await resident.getByText('感谢您的评价').waitFor();
      await resident.getByText('您的评价：满意').waitFor();
      await screenshot(resident, 'appeal-portal-rated', { fullPage: true });

      // English, from the built-in dictionary.
      await resident.getByRole('button', { name: 'English' }).click();
      await resident.getByRole('heading', { name: 'Progress' }).waitFor();
      await screenshot(resident, 'appeal-portal-status-en');
      expect(errors).toEqual([]);
    } finally {
      await resident.context().close();
    }
  });
});

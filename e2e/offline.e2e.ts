// Site logs on a phone without signal (issue 3): the commissioner fills a site log with a photo while the network
// is cut, sees it waiting on the device, comes back online, and exactly one log with its photo arrives.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const DONE = '离线填写：协调施工方清理东门围挡外侧渣土。';

interface SiteLogPage {
  items: { id: string; done: string; photos: { id: string; name: string }[] }[];
  total: number;
}

/** A large camera-like JPEG made in the page (no test dependency): 2400 × 1800. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 2400;
    c.height = 1800;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 2400, 1800);
    grad.addColorStop(0, '#c96');
    grad.addColorStop(1, '#369');
    g.fillStyle = grad;
    g.fillRect(0, 0, 2400, 1800);
    return c.toDataURL('image/jpeg', 0.92).split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

describe('offline site log', () => {
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

  test('a log written offline is kept on the phone and sent once when the connection returns', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: { width: 375, height: 740 } });
    const context = page.context();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/site-logs') posts.push(r.headers()['idempotency-key'] ?? '');
    });
    try {
      await signIn(page, 'zy01');
      await page.goto('/site-logs/new');
      await page.getByRole('button', { name: /保存日志/ }).waitFor();
      await page.getByRole('heading', { name: '写驻点日志' }).waitFor();
      // The service worker has cached the app shell and controls the page.
      const controlled = await page.evaluate(async () => {
        const timeout = new Promise<string>((r) => setTimeout(() => r('timeout'), 20_000));
        const ready = (async () => {
          await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
          }
          return 'controlled';
        })();
        const state = await Promise.race([ready, timeout]);
        const reg = await navigator.serviceWorker.getRegistration();
        return `${state} installing=${reg?.installing?.state} waiting=${reg?.waiting?.state} active=${reg?.active?.state}`;
      });
      expect(controlled).toMatch(/^controlled/);
      await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
      const photo = await cameraPhoto(page);

      await context.setOffline(true);
      // Without a connection the app still opens, from the cached shell, with the form.
      await page.reload();
      await page.getByRole('heading', { name: '写驻点日志' }).waitFor();
      await page.getByText('当前没有网络').waitFor();
      await page.getByText('离线', { exact: true }).waitFor();

      await page.getByRole('button', { name: /保存日志/ }).waitFor({ timeout: 15_000 }).catch(async (e: unknown) => {
        await screenshot(page, 'offline-debug', { fullPage: true });
        throw e;
      });
      await page.getByRole('button', { name: /保存日志/ }).click();
      await page.getByText('请至少选择一项履职类型').waitFor();
      await page.getByText('请填写所做工作').waitFor();
      await page.getByLabel('到达时间').fill('08:30');
      await page.getByLabel('离开时间').fill('07:00');
      await page.getByText('离开时间不能早于到达时间').waitFor();
      await page.getByLabel('离开时间').fill('17:30');
      await page.getByLabel('天气').fill('多云');
      await page.getByLabel('协调').check();
      await page.getByLabel('督促').check();
      await page.getByLabel('现场所见').fill('东门围挡外侧有渣土堆放。');
      await page.getByLabel('所做工作').fill(DONE);
      await page.getByLabel('接触人员').fill('施工方项目经理');
      await page.locator('input[type=file][capture=environment]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByRole('img', { name: 'IMG_0001.jpg' }).waitFor();
      await screenshot(page, 'offline-form-375', { fullPage: true });
      await page.getByRole('button', { name: /保存日志/ }).click();

      await page.waitForURL((u) => u.pathname === '/site-logs');
      const waiting = page.getByRole('button', { name: '待发送（1）' });
      await waiting.waitFor();
      await screenshot(page, 'offline-waiting-375');
      await waiting.click();
      await page.getByRole('dialog').getByText('等待发送').waitFor();
      await screenshot(page, 'offline-outbox-375');
      await page.keyboard.press('Escape');
      // Still waiting after a reload without signal: the draft lives in IndexedDB.
      await page.reload();
      await page.getByRole('button', { name: '待发送（1）' }).waitFor();

      // Back online, the first send reaches the server but its answer is lost (the connection drops): the phone
      // cannot know the log was created, keeps the draft, and sends it again under the same key.
      let dropped = false;
      await page.route('**/api/v1/site-logs', async (route) => {
        if (route.request().method() === 'POST' && !dropped) {
          dropped = true;
          await route.fetch();
          await route.abort('connectionreset');
        } else await route.fallback();
      });
      await context.setOffline(false);
      await expect.poll(() => dropped, { timeout: 30_000 }).toBe(true);
      await page.getByRole('button', { name: '待发送（1）' }).click();
      await page.getByRole('dialog').getByRole('button', { name: /立即发送/ }).click();
      await expect.poll(() => page.getByRole('button', { name: /待发送/ }).count(), { timeout: 30_000 }).toBe(0);
      await page.keyboard.press('Escape');

      const res = await context.request.get('/api/v1/site-logs?pageSize=50');
      expect(res.status()).toBe(200);
      const logs = (await res.json()) as SiteLogPage;
      const mine = logs.items.filter((l) => l.done === DONE);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.photos).toHaveLength(1);
      expect(mine[0]!.photos[0]!.name).toBe('IMG_0001.jpg');
      // Both attempts carried the draft's own key: the retry got the first answer back instead of a second log.
      expect(posts.length).toBe(2);
      expect(new Set(posts).size).toBe(1);

      // The photo was shrunk on the phone to at most 1600 px.
      const size = await page.evaluate(async (id) => {
        const blob = await (await fetch(`/api/v1/files/${id}`)).blob();
        const bmp = await createImageBitmap(blob);
        return { w: bmp.width, h: bmp.height, type: blob.type };
      }, mine[0]!.photos[0]!.id);
      expect(size).toEqual({ w: 1600, h: 1200, type: 'image/jpeg' });

      await page.reload();
      await page.getByText(DONE).waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, 'offline-sent-375', { fullPage: true });
    } catch (e) {
      await screenshot(page, 'offline-failure', { fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await context.close();
    }
  });
});

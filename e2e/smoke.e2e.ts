// Smoke test: the built server starts, answers /healthz, and the login page renders in Chromium.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startServer, type RunningServer } from './harness.js';

describe('smoke', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('GET /healthz answers 200', async () => {
    const res = await fetch(`${server!.url}/healthz`);
    expect(res.status).toBe(200);
  });

  test('/login renders the Liaison login page', async () => {
    const page = await newPage(browser!, { baseURL: server!.url });
    try {
      const res = await page.goto('/login');
      expect(res?.status()).toBe(200);
      const marker = /Liaison|项目专员/;
      // The title or a heading names the product once the app has rendered.
      await page.waitForFunction(
        (src) => {
          const re = new RegExp(src);
          const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, [role="heading"]'))
            .map((e) => e.textContent ?? '')
            .join(' ');
          return re.test(document.title) || re.test(headings);
        },
        marker.source,
        { timeout: 30_000 },
      );
      await screenshot(page, 'smoke-login');
    } finally {
      await page.context().close();
    }
  });
});

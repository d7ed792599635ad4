// Temporary branches and their meetings in the browser (issue 7): the commissioner of 武林广场站地铁上盖物业项目 (zy04,
// also the branch's secretary) schedules a deliberation meeting, records attendance, minutes and two resolutions (owner
// units 区住建局 and 区城管局); the resolutions become cases of those bureaus; the minutes go draft → circulated →
// final and export as PDF and Word; one case is closed, and the next meeting's agenda carries the other one (续议).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENS_DIR, launchBrowser, newPage, screenshot, signIn, startServer, type RunningServer } from './harness.js';

const BRANCH = '武林广场站地铁上盖物业项目临时党支部';
const TITLE = '12月议事协商会';
const NEXT_TITLE = '1月议事协商会';
const ITEM_1 = '东门围挡占道与夜间施工扰民';
const ITEM_2 = '地铁出入口周边交通组织';
const RESOLUTION_1 = '区住建局牵头督促施工单位退回东门围挡并限定夜间施工时段';
const RESOLUTION_2 = '区城管局负责地铁出入口周边非机动车停放整治';
const PHONE = { width: 375, height: 740 };

const DAY = 86_400_000;
const shanghaiDate = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * DAY));
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Pick an option of an antd Select by label (typing `search` first when given). */
async function pickSelect(page: Page, label: string, search: string | null, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(search);
  await openDropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
  // A multiple select keeps its list open, and a loaded machine may still be animating one closed: leave the field.
  if (await openDropdown(page).count()) await input.press('Tab');
  await expect.poll(() => openDropdown(page).count(), { timeout: 15_000 }).toBe(0);
}

/** The caller's API: the session's CSRF token on every write, a fresh Idempotency-Key on every POST. */
async function apiOf(page: Page) {
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const headers = () => ({ 'x-csrf-token': session.csrfToken, 'idempotency-key': crypto.randomUUID() });
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await page.request.get(`/api/v1${path}`);
      expect(res.status(), `GET ${path}`).toBe(200);
      return (await res.json()) as T;
    },
    post: async <T>(path: string, data: unknown): Promise<T> => {
      const res = await page.request.post(`/api/v1${path}`, { data, headers: headers() });
      expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
  };
}

interface CaseRow { id: string; number: string; title: string; status: string; version: number; leadUnit: { name: string } | null; source: string }

describe('branches and meetings', () => {
  let server: RunningServer;
  let browser: Browser;
  let meetingPath = '';
  let branchPath = '';
  const caseNumbers: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the commissioner schedules a meeting of the project\'s branch', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy04');
      await page.goto('/branches');
      await page.getByRole('link', { name: BRANCH }).click();
      await page.waitForURL(/\/branches\/[0-9a-f-]{20,}$/);
      branchPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: BRANCH }).waitFor();
      for (const side of ['街道', '业主方', '施工方', '监理方', '社区', '项目专员']) await page.getByRole('region', { name: side }).waitFor();
      await screenshot(page, 'branch-members-1280', { fullPage: true });

      await page.getByRole('button', { name: '安排会议' }).click();
      await page.waitForURL(/\/meetings\/new$/);
      // The form refuses what is missing or wrong.
      await page.getByLabel('结束时间').fill('14:00');
      await page.getByRole('button', { name: '发出会议通知' }).click();
      await page.getByText('请填写此项').first().waitFor();
      await page.getByText('结束时间须晚于开始时间').waitFor();

      await page.getByLabel('会议名称').fill(TITLE);
      await page.getByLabel('日期').fill(shanghaiDate(0));
      await page.getByLabel('开始时间').fill('09:30');
      await page.getByLabel('结束时间').fill('11:00');
      await page.getByLabel('地点').fill('项目部二楼会议室');
      await page.getByLabel('议题 1', { exact: true }).fill(ITEM_1);
      await page.getByRole('button', { name: '添加议题' }).click();
      await page.getByLabel('议题 2', { exact: true }).fill(ITEM_2);
      await screenshot(page, 'meeting-new-1280', { fullPage: true });
      await page.getByRole('button', { name: '发出会议通知' }).click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{20,}$/);
      meetingPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await expect.poll(() => page.getByTestId('invitee').count()).toBe(6);
      await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(2);
      await page.getByText('待召开').first().waitFor();
    } finally {
      await page.context().close();
    }
  });

  test('attendance, minutes and two resolutions that become cases', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy04');
      await page.goto(meetingPath);
      await page.getByRole('heading', { name: TITLE }).waitFor();

      await page.getByRole('button', { name: '全部出席' }).click();
      await page.getByRole('radiogroup', { name: '许春花 的出席情况' }).getByText('请假').click();
      await page.getByRole('radiogroup', { name: '魏雪梅 的出席情况' }).getByText('缺席').click();
      await page.getByRole('button', { name: '保存出席情况' }).click();
      await page.getByText('请填写请假事由').waitFor();
      await page.getByLabel('许春花 的请假事由').fill('外出参加质量安全检查');
      await page.getByRole('button', { name: '保存出席情况' }).click();
      await page.getByText('出席情况已保存').waitFor();
      await page.getByText('已召开').first().waitFor();

      await page.getByLabel(`“${ITEM_1}”的纪要`).fill('施工单位说明东门围挡超出审批范围约2米；居民代表反映夜间22点后仍有打桩作业。');
      await page.getByLabel(`“${ITEM_2}”的纪要`).fill('早晚高峰出入口非机动车乱停，影响乘客疏散。');
      await page.getByRole('button', { name: '保存纪要' }).click();
      await page.getByText('纪要已保存').waitFor();

      const resolve = async (item: number, text: string, unitSearch: string, unit: string) => {
        await page.getByTestId('agenda-item').nth(item).getByRole('button', { name: '记录决议' }).click();
        const dlg = page.getByRole('dialog');
        await dlg.getByRole('button', { name: '保存决议' }).click();
        await dlg.getByText('请选择责任单位').waitFor();
        await dlg.getByLabel('决议内容').fill(text);
        await pickSelect(page, '责任单位', unitSearch, unit);
        await dlg.getByLabel('完成时限').fill(shanghaiDate(14));
        await dlg.getByRole('button', { name: '保存决议' }).click();
        await dlg.waitFor({ state: 'hidden' });
        const row = page.getByTestId('resolution').filter({ hasText: text });
        await row.getByRole('link', { name: /^XC-\d{4}-\d+$/ }).waitFor();
        caseNumbers.push(await row.getByRole('link', { name: /^XC-\d{4}-\d+$/ }).innerText());
        await row.getByText('待签收').waitFor();
      };
      await resolve(0, RESOLUTION_1, '住建', '区住建局');
      await resolve(1, RESOLUTION_2, '城管', '区城管局');
      expect(caseNumbers).toHaveLength(2);
      await top(page);
      await screenshot(page, 'meeting-held-1280', { fullPage: true });

      // The case behind a resolution opens from its number.
      await page.getByRole('link', { name: caseNumbers[0]! }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{20,}$/);
      await page.getByText('区住建局').first().waitFor();
      await page.goBack();

      // On a phone the meeting page is usable.
      await page.setViewportSize(PHONE);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await top(page);
      await screenshot(page, 'meeting-held-375', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('the resolutions are cases of 区住建局 and 区城管局', async () => {
    for (const [user, text, number] of [['zjj', RESOLUTION_1, caseNumbers[0]], ['cgj', RESOLUTION_2, caseNumbers[1]]] as const) {
      const page = await newPage(browser, { baseURL: server.url });
      try {
        await signIn(page, user);
        await page.goto('/cases?view=todo');
        await page.getByRole('link', { name: text }).waitFor();
        await screenshot(page, `meeting-case-${user}-1280`);
        const api = await apiOf(page);
        const list = await api.get<{ items: CaseRow[] }>(`/cases?q=${encodeURIComponent(text.slice(0, 12))}`);
        const c = list.items.find((x) => x.number === number);
        expect(c, `${user} sees ${number}`).toBeTruthy();
        expect(c!.status).toBe('assigned');
        expect(c!.source).toBe('branch_meeting');
      } finally {
        await page.context().close();
      }
    }
  });

  test('the minutes are circulated, confirmed, made final and exported', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    const dir = await mkdtemp(join(tmpdir(), 'liaison-minutes-'));
    try {
      await signIn(page, 'zy04');
      await page.goto(meetingPath);
      await page.getByRole('button', { name: '传阅纪要' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '传阅纪要' }).click();
      await page.getByText('纪要传阅中').first().waitFor();
      // zy04 attended as the branch's secretary: they confirm too.
      await page.getByRole('button', { name: '确认纪要' }).click();
      await page.getByText('您已确认本纪要。').waitFor();
      await page.getByRole('button', { name: '纪要定稿' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '纪要定稿' }).click();
      await page.getByText('纪要已定稿并锁定，不能再修改。').waitFor();
      expect(await page.getByRole('button', { name: '保存纪要' }).count()).toBe(0);
      await top(page);
      await screenshot(page, 'meeting-final-1280', { fullPage: true });

      const download = async (format: 'PDF' | 'Word（.docx）') => {
        await page.getByRole('button', { name: '导出纪要' }).click();
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: format }).click()]);
        const path = join(dir, file.suggestedFilename());
        await file.saveAs(path);
        return path;
      };
      const pdf = await download('PDF');
      expect(pdf.endsWith('.pdf')).toBe(true);
      expect((await readFile(pdf)).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const docx = await download('Word（.docx）');
      expect(docx.endsWith('.docx')).toBe(true);
      expect((await readFile(docx)).subarray(0, 2).toString('latin1')).toBe('PK');

      // The Word file opens in LibreOffice (when installed here): convert it and keep a picture of its first page.
      if (existsSync('/usr/bin/soffice')) {
        // Into a folder of its own: the Word file and the PDF download share their name.
        const out = join(dir, 'converted');
        execFileSync('/usr/bin/soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 120_000, stdio: 'ignore' });
        const converted = join(out, basename(docx).replace(/\.docx$/, '.pdf'));
        expect(existsSync(converted)).toBe(true);
        expect((await readFile(converted)).subarray(0, 4).toString('latin1')).toBe('%PDF');
        if (existsSync('/usr/bin/pdftoppm')) {
          execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', converted, join(SCREENS_DIR, 'minutes-docx-page1')], { timeout: 60_000 });
          execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(SCREENS_DIR, 'minutes-pdf-page1')], { timeout: 60_000 });
        }
        const text = existsSync('/usr/bin/pdftotext') ? execFileSync('/usr/bin/pdftotext', [converted, '-'], { timeout: 60_000 }).toString('utf8') : `${TITLE}许春花${RESOLUTION_1}`;
        // LibreOffice puts a space between digits and Chinese: compare without white space.
        const flat = text.replace(/\s+/g, '');
        expect(flat).toContain(TITLE);
        expect(flat).toContain('许春花');
        expect(flat).toContain(RESOLUTION_1);
      }
    } finally {
      await page.context().close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('one resolution is done; the next meeting carries the open one (续议)', async () => {
    // 区住建局 signs for its case and answers; the commissioner verifies it: that resolution is done.
    const zjj = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(zjj, 'zjj');
      const api = await apiOf(zjj);
      const found = (await api.get<{ items: CaseRow[] }>(`/cases?q=${encodeURIComponent(caseNumbers[0]!)}`)).items[0]!;
      const signed = await api.post<CaseRow>(`/cases/${found.id}/actions/sign`, { version: found.version });
      await api.post<CaseRow>(`/cases/${found.id}/actions/answer`, { publicReply: '围挡已退回审批范围，夜间施工限定在22点前。', version: signed.version });
    } finally {
      await zjj.context().close();
    }

    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'zy04');
      const api = await apiOf(page);
      const c = (await api.get<{ items: CaseRow[] }>(`/cases?q=${encodeURIComponent(caseNumbers[0]!)}`)).items[0]!;
      await api.post(`/cases/${c.id}/actions/verify`, { accept: true, version: c.version });

      await page.goto(`${branchPath}?tab=resolutions`);
      const done = page.getByTestId('resolution').filter({ hasText: RESOLUTION_1 });
      await done.getByText('已办结').first().waitFor();
      await page.getByTestId('resolution').filter({ hasText: RESOLUTION_2 }).getByText('办理中').waitFor();
      await screenshot(page, 'branch-resolutions-1280', { fullPage: true });

      await page.goto(`${branchPath}/meetings/new`);
      await page.getByText('以往会议尚未办结的 1 项决议将自动列入本次议程（续议）：').waitFor();
      await page.getByLabel('会议名称').fill(NEXT_TITLE);
      await page.getByLabel('日期').fill(shanghaiDate(30));
      await page.getByLabel('地点').fill('项目部二楼会议室');
      await page.getByLabel('议题 1', { exact: true }).fill('一季度施工计划');
      await page.getByRole('button', { name: '发出会议通知' }).click();
      await page.waitForURL((u) => /\/meetings\/[0-9a-f-]{20,}$/.test(u.pathname) && u.pathname !== meetingPath);
      await page.getByRole('heading', { name: NEXT_TITLE }).waitFor();
      await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(2);
      const carried = page.getByTestId('agenda-item').first();
      await carried.getByText('续议').waitFor();
      await carried.getByText(RESOLUTION_2).waitFor();
      await carried.getByRole('link', { name: caseNumbers[1]! }).waitFor();
      await carried.getByText('待签收').waitFor();
      expect(await page.getByTestId('agenda-item').filter({ hasText: RESOLUTION_1 }).count()).toBe(0);
      await top(page);
      await screenshot(page, 'meeting-next-carried-1280', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('the organisation department sets up a branch, adds members and lets one leave', async () => {
    const page = await newPage(browser, { baseURL: server.url });
    try {
      await signIn(page, 'orgdept');
      await page.goto('/branches');
      await page.getByRole('button', { name: '新建支部' }).click();
      const dlg = page.getByRole('dialog');
      await dlg.getByRole('button', { name: '建立支部' }).click();
      await dlg.getByText('请选择项目').last().waitFor();
      await pickSelect(page, '项目', '凤起', '凤起路地下公共停车库');
      await expect.poll(() => dlg.getByLabel('支部名称').inputValue()).toBe('凤起路地下公共停车库临时党支部');
      await dlg.getByLabel('批复文号').fill('下组〔2026〕51号');
      await dlg.getByRole('button', { name: '建立支部' }).click();
      await page.waitForURL(/\/branches\/[0-9a-f-]{20,}$/);
      await page.getByRole('heading', { name: '凤起路地下公共停车库临时党支部' }).waitFor();
      await page.getByText(/支部还没有成员。点击“添加成员”/).waitFor();

      const add = async (fill: () => Promise<void>, side: string, role: string | null) => {
        await page.getByRole('button', { name: '添加成员' }).click();
        const form = page.getByRole('dialog');
        await fill();
        await pickSelect(page, '所属方', null, side);
        if (role) await pickSelect(page, '支部职务', null, role);
        await form.getByRole('button', { name: /^\s*添\s*加\s*$/ }).click();
        await form.waitFor({ state: 'hidden' });
      };
      await add(async () => pickSelect(page, '人员', '赵', '赵德明'), '项目专员', '书记');
      await add(async () => {
        const form = page.getByRole('dialog');
        await form.getByText('外部人员', { exact: true }).click();
        await form.getByRole('button', { name: /^\s*添\s*加\s*$/ }).click();
        await form.getByText('请填写此项').first().waitFor();
        await form.getByLabel('姓名').fill('王海涛');
        await form.getByLabel('所在单位').fill('凤起路社区居委会');
      }, '社区', null);
      await page.getByRole('region', { name: '项目专员' }).getByText('书记').waitFor();
      const community = page.getByRole('region', { name: '社区' });
      await community.getByText('王海涛').waitFor();
      await screenshot(page, 'branch-new-members-1280');

      await community.getByRole('button', { name: '王海涛 离任' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认离任' }).click();
      await page.getByText('王海涛 已离任').waitFor();
      await expect.poll(() => page.getByRole('region', { name: '社区' }).count()).toBe(0);
      await page.getByText('显示已离任成员').click();
      await page.getByRole('region', { name: '社区' }).getByText('王海涛').waitFor();

      await page.setViewportSize(PHONE);
      await top(page);
      await screenshot(page, 'branch-new-members-375', { fullPage: true });
    } finally {
      await page.context().close();
    }
  });

  test('a personal calendar feed lists the meetings', async () => {
    const page = await newPage(browser, { baseURL: server.url, viewport: PHONE });
    try {
      await signIn(page, 'zy04');
      await page.goto('/branches?tab=meetings');
      await page.getByRole('link', { name: NEXT_TITLE }).waitFor();
      await page.getByRole('button', { name: '订阅会议日历' }).click();
      await page.getByRole('button', { name: '生成订阅地址' }).click();
      const url = (await page.getByTestId('calendar-url').innerText()).trim();
      expect(url).toMatch(/\/api\/v1\/meetings\.ics\?token=/);
      await screenshot(page, 'meetings-calendar-375');
      const ics = await (await page.request.get(`/api/v1/meetings.ics${new URL(url).search}`)).text();
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain(TITLE);
      expect(ics).toContain(NEXT_TITLE);
      await writeFile(join(SCREENS_DIR, 'meetings.ics.txt'), ics);
    } finally {
      await page.context().close();
    }
  });
});

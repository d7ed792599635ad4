import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCtx, systemActor } from '../../kernel/context.js';
import { notify, sendPendingEmails } from '../../kernel/notify/notify.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let smtp: SMTPServer;
const received: { to: string[]; data: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Liaison <noreply@liaison.test>', PUBLIC_URL: 'https://liaison.test' } });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const ctxOf = () => buildCtx({ ...t.app.deps }, systemActor);
async function userId(username: string) {
  return (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describe('notifications', () => {
  it('puts a notice in the inbox of a unit\'s members and counts it unread', async () => {
    const zjjUnit = (await t.db.selectFrom('units').select('id').where('code', '=', 'ZJJ').executeTakeFirstOrThrow()).id;
    const n = await t.db.transaction().execute((trx) => notify(ctxOf(), trx, { unitIds: [zjjUnit], kind: 'case.dispatched', title: '新工单待签收', link: '/cases/1' }));
    expect(n).toBe(1);
    const c = await t.signInAs('zjj');
    expect((await c.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const inbox = (await c.get('/api/v1/notifications')).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0].title).toBe('新工单待签收');
    expect(inbox.unread).toBe(1);
  });

  it('marks one read; nobody else can mark it', async () => {
    const c = await t.signInAs('zjj');
    const id = (await c.get('/api/v1/notifications')).json().items[0].id;
    const other = await t.signInAs('fgj');
    expect((await other.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await c.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await c.get('/api/v1/notifications/unread-count')).json().unread).toBe(0);
    expect((await c.get('/api/v1/notifications?unread=true')).json().total).toBe(0);
  });

  it('does not tell the actor about their own action, and marks all read', async () => {
    const me = await userId('zy01');
    const other = await userId('zy02');
    const ctx = { ...ctxOf(), actor: { ...systemActor, userId: me } };
    const n = await t.db.transaction().execute((trx) => notify(ctx, trx, { userIds: [me, other], kind: 'x', title: 'a' }));
    expect(n).toBe(1);
    const c = await t.signInAs('zy02');
    expect((await c.post('/api/v1/notifications/read-all')).json()).toEqual({ marked: 1 });
  });

  it('e-mails users who have an address when SMTP is configured, through the outbox', async () => {
    const id = await userId('zy03');
    await t.db.updateTable('users').set({ email: 'zy03@xc.example' }).where('id', '=', id).execute();
    await t.db.transaction().execute((trx) => notify(ctxOf(), trx, { userIds: [id], kind: 'case.overdue', title: '工单已超期', body: '请尽快处理', link: '/cases/42' }));
    const r = await sendPendingEmails(t.app.deps);
    expect(r).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['zy03@xc.example']);
    expect(received[0]!.data).toContain('https://liaison.test/cases/42');
    expect((await sendPendingEmails(t.app.deps)).sent).toBe(0);
  });

  it('needs a signed-in user and validates paging', async () => {
    expect((await t.anonymous().get('/api/v1/notifications')).statusCode).toBe(401);
    const c = await t.signInAs('zy04');
    expect((await c.get('/api/v1/notifications?pageSize=500')).statusCode).toBe(400);
  });
});

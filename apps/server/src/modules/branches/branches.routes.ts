import {
  addMemberBody, attendanceBody, branchFiguresSchema, branchListQuery, branchMemberSchema, branchSchema, calendarTokenSchema, closeBranchBody,
  confirmMinutesBody, createBranchBody, createMeetingBody, createResolutionBody, idSchema, meetingListQuery, meetingSchema, memberLeaveBody,
  minutesBody, minutesTransitionBody, pageOf, resolutionSchema, updateMeetingBody,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as branches from './branches.service.js';
import { minutesDocx, minutesPdf } from './meetings.documents.js';
import { issueCalendarToken, meetingsIcs } from './meetings.ics.js';
import * as meetings from './meetings.service.js';
import { registerSchedule } from '../../kernel/jobs/jobs.js';

const tags = ['branches'];
const params = z.object({ id: idSchema });

export async function branchRoutes(app: FastifyInstance) {
  // Invitees hear about a meeting again a day before it (checked every 10 minutes, once across instances).
  registerSchedule('meetings.send-reminders', 10 * 60_000, async (ctx) => {
    await meetings.remindMeetings(ctx);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/branches', { schema: { tags, summary: 'Temporary branches (项目临时党支部)', querystring: branchListQuery, response: { 200: pageOf(branchSchema) } } },
    async (req) => branches.listBranches(req.ctx, req.query));
  r.post('/api/v1/branches', { schema: { tags, summary: 'Set up a branch for a project (organisation department)', body: createBranchBody, response: { 201: branchSchema } } },
    async (req, reply) => reply.code(201).send(await branches.createBranch(req.ctx, req.body)));
  r.get('/api/v1/branches/figures', { schema: { tags, summary: 'District figures: meetings per quarter by type, resolutions', response: { 200: branchFiguresSchema } } },
    async (req) => branches.branchFigures(req.ctx));
  r.get('/api/v1/branches/:id', { schema: { tags, summary: 'One branch', params, response: { 200: branchSchema } } },
    async (req) => branches.getBranch(req.ctx, req.params.id));
  r.get('/api/v1/branches/:id/figures', { schema: { tags, summary: 'The branch\'s figures', params, response: { 200: branchFiguresSchema } } },
    async (req) => branches.branchFigures(req.ctx, req.params.id));
  r.post('/api/v1/branches/:id/close', { schema: { tags, summary: 'Close the branch when the project is completed', params, body: closeBranchBody, response: { 200: branchSchema } } },
    async (req) => branches.closeBranch(req.ctx, req.params.id, req.body.version, req.body.closedOn));
  r.get('/api/v1/branches/:id/members', { schema: { tags, summary: 'Members, by side', params, querystring: z.strictObject({ includeFormer: z.enum(['true', 'false']).default('false') }), response: { 200: z.array(branchMemberSchema) } } },
    async (req) => branches.listMembers(req.ctx, req.params.id, req.query.includeFormer === 'true'));
  r.post('/api/v1/branches/:id/members', { schema: { tags, summary: 'Add a member (a Liaison user or an external person)', params, body: addMemberBody, response: { 201: branchMemberSchema } } },
    async (req, reply) => reply.code(201).send(await branches.addMember(req.ctx, req.params.id, req.body)));
  r.post('/api/v1/branches/:id/members/:memberId/leave', { schema: { tags, summary: 'A member leaves', params: z.object({ id: idSchema, memberId: idSchema }), body: memberLeaveBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await branches.memberLeaves(req.ctx, req.params.id, req.params.memberId, req.body.leftOn);
      return reply.code(204).send(null);
    });

  r.get('/api/v1/meetings', { schema: { tags, summary: 'Meetings', querystring: meetingListQuery, response: { 200: pageOf(meetingSchema) } } },
    async (req) => meetings.listMeetings(req.ctx, req.query));
  r.post('/api/v1/meetings', { schema: { tags, summary: 'Schedule a meeting; open resolutions of earlier meetings join its agenda', body: createMeetingBody, response: { 201: meetingSchema } } },
    async (req, reply) => reply.code(201).send(await meetings.createMeeting(req.ctx, req.body)));
  r.get('/api/v1/meetings.ics', {
    schema: { tags, summary: 'Personal iCalendar feed (subscribe with the token URL)', querystring: z.strictObject({ token: z.string().min(10).max(200) }) },
    config: { auth: 'public' },
  }, async (req, reply) => reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(await meetingsIcs(req.ctx, req.query.token)));
  r.post('/api/v1/meetings/calendar-token', { schema: { tags, summary: 'Issue (or replace) my calendar feed token', response: { 201: calendarTokenSchema } }, config: { idempotency: false } },
    async (req, reply) => reply.code(201).send(await issueCalendarToken(req.ctx, req.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`)));
  r.get('/api/v1/meetings/:id', { schema: { tags, summary: 'One meeting with its agenda, attendance and resolutions', params, response: { 200: meetingSchema } } },
    async (req) => meetings.getMeeting(req.ctx, req.params.id));
  r.patch('/api/v1/meetings/:id', { schema: { tags, summary: 'Reschedule, rename or cancel', params, body: updateMeetingBody, response: { 200: meetingSchema } } },
    async (req) => meetings.updateMeeting(req.ctx, req.params.id, req.body));
  r.post('/api/v1/meetings/:id/attendance', { schema: { tags, summary: 'Record attendance (present / absent / on leave with reason)', params, body: attendanceBody, response: { 200: meetingSchema } } },
    async (req) => meetings.recordAttendance(req.ctx, req.params.id, req.body));
  r.post('/api/v1/meetings/:id/minutes', { schema: { tags, summary: 'Save the minutes per agenda item (draft only)', params, body: minutesBody, response: { 200: meetingSchema } } },
    async (req) => meetings.saveMinutes(req.ctx, req.params.id, req.body));
  r.get('/api/v1/meetings/:id/resolutions', { schema: { tags, summary: 'The meeting\'s resolutions with the live state of their cases', params, response: { 200: z.array(resolutionSchema) } } },
    async (req) => (await meetings.getMeeting(req.ctx, req.params.id)).resolutions);
  r.post('/api/v1/meetings/:id/resolutions', { schema: { tags, summary: 'Record a resolution; one that needs action becomes a coordination case', params, body: createResolutionBody.extend({ version: z.number().int() }), response: { 201: meetingSchema } } },
    async (req, reply) => {
      const { version, ...body } = req.body;
      return reply.code(201).send(await meetings.addResolution(req.ctx, req.params.id, version, body));
    });
  r.post('/api/v1/meetings/:id/circulate', { schema: { tags, summary: 'Send the draft minutes to the attendees to confirm', params, body: minutesTransitionBody, response: { 200: meetingSchema } } },
    async (req) => meetings.advanceMinutes(req.ctx, req.params.id, req.body.version, 'circulated'));
  r.post('/api/v1/meetings/:id/finalize', { schema: { tags, summary: 'Make the minutes final (locked)', params, body: minutesTransitionBody, response: { 200: meetingSchema } } },
    async (req) => meetings.advanceMinutes(req.ctx, req.params.id, req.body.version, 'final'));
  r.post('/api/v1/meetings/:id/confirm', { schema: { tags, summary: 'An attendee confirms or comments on the circulated minutes', params, body: confirmMinutesBody, response: { 200: meetingSchema } } },
    async (req) => meetings.confirmMinutes(req.ctx, req.params.id, req.body.decision, req.body.comment));
  r.get('/api/v1/meetings/:id/minutes/export', { schema: { tags, summary: 'The minutes with the attendance list as Word or PDF', params, querystring: z.strictObject({ format: z.enum(['docx', 'pdf']).default('pdf') }) } },
    async (req, reply) => {
      const doc = req.query.format === 'docx' ? await minutesDocx(req.ctx, req.params.id) : await minutesPdf(req.ctx, req.params.id);
      return reply
        .header('content-type', req.query.format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .send(doc.data);
    });
}

import { z } from 'zod';
import { caseDetailSchema, caseStatusSchema } from './cases.js';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

/**
 * Dispute mediation (群众纠纷有人调解): `dispute` cases with their parties, mediation sessions (调解笔录), the mediation
 * agreement (调解协议书, 人民调解法 第二十九条) and the follow-up: settle within a month, a callback on performance,
 * and the 30-day window to apply for judicial confirmation (司法确认, 第三十三条).
 */
export const disputeCategories = ['noise', 'house_damage', 'wages', 'compensation', 'demolition', 'neighbour', 'other'] as const;
export const disputeRisks = ['low', 'medium', 'high'] as const;
export const disputePartyKinds = ['resident', 'enterprise', 'other'] as const;
export const judicialConfirmationStates = ['not_applied', 'applied', 'confirmed', 'not_needed'] as const;
export const mediationSessionOutcomes = ['agreement', 'partial', 'no_agreement', 'adjourned'] as const;
export const agreementPerformanceStates = ['performed', 'partly', 'not_performed'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, 'digits, spaces, + or - only');
const userRef = z.object({ id: idSchema, displayName: z.string() });

export const disputePartyInput = z.strictObject({
  id: idSchema.optional().describe('an existing party (PATCH); omit for a new one'),
  kind: z.enum(disputePartyKinds).describe('resident 居民 / enterprise 企业 / other 其他'),
  name: text(100),
  phone: phone.nullable().optional().describe('sealed at rest; on PATCH, omit to keep the stored number'),
  address: z.string().trim().max(200).nullable().optional().describe('住所 / 单位地址'),
  representative: z.string().trim().max(40).nullable().optional().describe('法定代表人 or agent, for an enterprise'),
});
export const disputePartySchema = z.object({
  id: idSchema, kind: z.enum(disputePartyKinds), name: z.string(),
  phone: z.string().nullable().describe('138****1234 unless the caller is the mediator or the case\'s dispatcher'),
  phoneMasked: z.boolean(), address: z.string().nullable(), representative: z.string().nullable(),
});

export const mediationAgreementSchema = z.object({
  number: z.string().nullable().describe('e.g. 下调协〔2026〕第0003号; given when signed'),
  status: z.enum(['draft', 'signed']),
  committeeName: z.string().describe('the people\'s mediation committee (人民调解委员会)'),
  facts: z.string().describe('纠纷的主要事实'),
  issues: z.string().describe('争议事项'),
  responsibilities: z.string().describe('各方当事人的责任'),
  terms: z.array(z.string()).describe('what was agreed, one item each'),
  performanceMethod: z.string().describe('履行方式'),
  performBy: dateSchema.describe('履行期限'),
  signedOn: dateSchema.nullable(),
  signedCopyId: idSchema.nullable().describe('a scan or photo of the signed paper'),
  judicialDeadline: dateSchema.nullable().describe('the last day to apply jointly for judicial confirmation (signed + 30 days)'),
  updatedAt: dateTimeSchema, version: z.number().int(),
});
export const disputeCallbackSchema = z.object({
  id: idSchema, calledOn: dateSchema, performance: z.enum(agreementPerformanceStates), note: z.string(), recordedBy: userRef, createdAt: dateTimeSchema,
});
export const disputeActions = ['edit', 'record-session', 'edit-agreement', 'sign-agreement', 'callback'] as const;
export const disputeSchema = z.object({
  caseId: idSchema,
  case: caseDetailSchema,
  category: z.enum(disputeCategories), risk: z.enum(disputeRisks),
  mediator: userRef.nullable(),
  parties: z.array(disputePartySchema),
  settleBy: dateSchema.describe('one month from filing: the target to settle'),
  settled: z.boolean(), settledAt: dateTimeSchema.nullable(),
  settleOverdue: z.boolean().describe('not settled and the month has passed'),
  sessions: z.number().int(),
  agreement: mediationAgreementSchema.nullable(),
  judicialConfirmation: z.enum(judicialConfirmationStates),
  callbacks: z.array(disputeCallbackSchema),
  contactsVisible: z.boolean(),
  allowedActions: z.array(z.enum(disputeActions)),
  version: z.number().int(),
});
export const disputeSummarySchema = z.object({
  caseId: idSchema, number: z.string(), title: z.string(), status: caseStatusSchema,
  project: z.object({ id: idSchema, code: z.string(), name: z.string() }),
  category: z.enum(disputeCategories), risk: z.enum(disputeRisks), mediator: userRef.nullable(), partyNames: z.array(z.string()),
  settleBy: dateSchema, settled: z.boolean(), settleOverdue: z.boolean(), createdAt: dateTimeSchema,
});
export const disputeListQuery = z.strictObject({
  ...pageQuery, projectId: idSchema.optional(), category: z.enum(disputeCategories).optional(), risk: z.enum(disputeRisks).optional(),
  status: caseStatusSchema.optional(), mediatorId: idSchema.optional(), settleOverdue: z.enum(['true', 'false']).optional(),
});
export const createDisputeBody = z.strictObject({
  projectId: idSchema, title: text(200), description: text(5000),
  category: z.enum(disputeCategories), risk: z.enum(disputeRisks),
  parties: z.array(disputePartyInput.omit({ id: true })).min(2).max(30),
  mediatorId: idSchema.optional().describe('defaults to the caller'),
  facts: z.string().trim().max(5000).optional(), issues: z.string().trim().max(5000).optional(),
  dispatchUnitId: idSchema.optional().describe('when the caller dispatches the project\'s cases: accept and dispatch at once'),
  attachmentIds: z.array(idSchema).max(20).optional(),
});
export const updateDisputeBody = z.strictObject({
  version: z.number().int(),
  category: z.enum(disputeCategories).optional(), risk: z.enum(disputeRisks).optional(), mediatorId: idSchema.optional(),
  facts: z.string().trim().max(5000).optional(), issues: z.string().trim().max(5000).optional(),
  parties: z.array(disputePartyInput).min(2).max(30).optional().describe('the whole list: parties left out are removed'),
  judicialConfirmation: z.enum(judicialConfirmationStates).optional(),
});

export const mediationSessionSchema = z.object({
  id: idSchema, caseId: idSchema, heldAt: dateTimeSchema, place: z.string(), mediatorName: z.string(),
  attendees: z.array(z.object({ name: z.string(), role: z.string() })),
  statements: z.array(z.object({ speaker: z.string(), text: z.string() })).describe('what each party said'),
  outcome: z.enum(mediationSessionOutcomes), notes: z.string().nullable(), recordedBy: userRef, createdAt: dateTimeSchema,
});
export const createMediationSessionBody = z.strictObject({
  heldAt: z.iso.datetime({ offset: true }), place: text(200), mediatorName: text(40).optional().describe('defaults to the dispute\'s mediator'),
  attendees: z.array(z.strictObject({ name: text(40), role: text(40).describe('申请人, 被申请人, 调解员, 见证人 …') })).min(1).max(50),
  statements: z.array(z.strictObject({ speaker: text(40), text: text(5000) })).min(1).max(50),
  outcome: z.enum(mediationSessionOutcomes), notes: z.string().trim().max(5000).optional(),
});

export const mediationAgreementBody = z.strictObject({
  version: z.number().int().optional().describe('omit for the first draft; the agreement\'s version afterwards'),
  committeeName: text(100).optional().describe('defaults to the project street\'s 人民调解委员会'),
  facts: text(5000), issues: text(5000), responsibilities: text(5000),
  terms: z.array(text(1000)).min(1).max(30), performanceMethod: text(1000), performBy: dateSchema,
});
export const signMediationAgreementBody = z.strictObject({ version: z.number().int(), signedOn: dateSchema, signedCopyId: idSchema.optional() });
export const mediationAgreementDocumentQuery = z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') });
export const createDisputeCallbackBody = z.strictObject({ calledOn: dateSchema, performance: z.enum(agreementPerformanceStates), note: text(2000) });

import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them (camelCase; the database is snake_case via CamelCasePlugin).
 * Timestamps are epoch milliseconds; booleans are 0/1 integers so both dialects agree. */
export interface UnitTable {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  districtId: string | null;
  phone: string | null;
  isActive: number;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  unitId: string | null;
  passwordHash: string;
  passwordChangedAt: number;
  mustChangePassword: number;
  isDemo: number;
  isActive: number;
  totpSecret: string | null;
  totpEnabled: number;
  totpLastStep: number | null;
  lastSignInAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface UserRoleTable {
  userId: string;
  role: string;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  step: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  ip: string | null;
  userAgent: string | null;
  endedAt: number | null;
}

export interface SignInAttemptTable {
  username: string;
  failures: number;
  lockedUntil: number | null;
  updatedAt: number;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: number;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface IdempotencyKeyTable {
  ownerKey: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  statusCode: number | null;
  contentType: string | null;
  responseBody: string | null;
  createdAt: number;
}

export interface ProjectTable {
  id: string;
  districtId: string;
  code: string;
  name: string;
  category: string;
  address: string;
  streetId: string | null;
  communityId: string | null;
  lat: number | null;
  lng: number | null;
  ownerUnitId: string | null;
  contractorUnitId: string | null;
  supervisorUnitId: string | null;
  totalInvestment: number;
  annualPlannedInvestment: number;
  investmentCompleted: number;
  plannedStart: string | null;
  plannedFinish: string | null;
  phase: string;
  light: string;
  description: string;
  constructionHours: string | null;
  impactNotice: string | null;
  isDemo: number;
  archivedAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface AssignmentTable {
  id: string;
  projectId: string;
  userId: string;
  role: string;
  mentorUserId: string | null;
  startDate: string;
  endDate: string | null;
  /** 1 while the assignment is running, NULL once ended: lets a partial unique index allow one active commissioner. */
  active: number | null;
  createdAt: number;
}

export interface SettingTable {
  key: string;
  value: string;
  updatedAt: number;
}

export interface FileTable {
  id: string;
  ownerId: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbKey: string | null;
  width: number | null;
  height: number | null;
  capturedAt: number | null;
  gpsLat: number | null;
  gpsLng: number | null;
  attachedType: string | null;
  attachedId: string | null;
  createdAt: number;
}

export interface NotificationTable {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: number;
  readAt: number | null;
  /** null: no e-mail wanted; 'pending' / 'sent' / 'failed' */
  emailState: string | null;
}

export interface MilestoneTable {
  id: string;
  projectId: string;
  name: string;
  plannedDate: string;
  actualDate: string | null;
  note: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface ProgressReportTable {
  id: string;
  projectId: string;
  period: string;
  percentDone: number;
  investmentPeriod: number;
  investmentToDate: number;
  narrative: string;
  status: string;
  submittedBy: string | null;
  submittedAt: number;
  confirmedBy: string | null;
  confirmedAt: number | null;
  returnReason: string | null;
  version: number;
}

export interface HandoverTable {
  id: string;
  projectId: string;
  fromUserId: string;
  toUserId: string;
  date: string;
  note: string | null;
  /** JSON: [{kind, id, label}] — what moved to the successor. */
  items: string;
  createdBy: string | null;
  createdAt: number;
}

export interface SiteLogTable {
  id: string;
  projectId: string;
  authorId: string;
  date: string;
  timeIn: string | null;
  timeOut: string | null;
  weather: string | null;
  /** comma-separated duties */
  duties: string;
  seen: string;
  done: string;
  peopleMet: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface SiteLogProblemTable {
  id: string;
  siteLogId: string;
  title: string;
  description: string;
  caseId: string | null;
  createdBy: string | null;
  createdAt: number;
}

export interface LearningLogTable {
  id: string;
  assistantId: string;
  projectId: string | null;
  date: string;
  activities: string;
  learned: string;
  mentorComment: string | null;
  mentorCommentedAt: number | null;
  version: number;
  createdAt: number;
}

export interface EvaluationTable {
  id: string;
  assistantId: string;
  mentorId: string;
  termEnd: string;
  rating: string;
  comment: string;
  createdAt: number;
}

/** Working calendar: statutory holidays and make-up working days (weekends are implied). */
export interface CalendarDayTable {
  date: string;
  kind: string;
  name: string;
  updatedAt: number;
}

/** One-off background jobs, claimed with a lease so that one instance runs each. */
export interface JobTable {
  id: string;
  name: string;
  payload: string;
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  attempts: number;
  lastError: string | null;
  doneAt: number | null;
  failedAt: number | null;
  createdAt: number;
}

/** One row per recurring job: the next tick is claimed atomically, so it runs once across instances. */
export interface JobScheduleTable {
  name: string;
  intervalMs: number;
  nextRunAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastRunAt: number | null;
  lastError: string | null;
}

export interface CaseTable {
  id: string;
  districtId: string;
  number: string;
  projectId: string;
  type: string;
  category: string | null;
  title: string;
  description: string;
  source: string;
  priority: string;
  status: string;
  reporterId: string | null;
  reporterUnitId: string | null;
  dispatcherId: string | null;
  leadUnitId: string | null;
  assigneeId: string | null;
  /** idle | sign | running | paused | stopped */
  clockState: string;
  signLimitDays: number | null;
  signDeadline: number | null;
  limitDays: number | null;
  deadline: number | null;
  /** The running deadline (sign-for or handling): what the list sorts by and the sweep watches. */
  dueAt: number | null;
  pausedAt: number | null;
  light: string;
  overdue: number;
  supervisionLevel: number;
  /** The due_at an automatic escalation was made for: one rise per overdue period. */
  escalatedFor: number | null;
  remindedFor: number | null;
  extDays: number | null;
  extReason: string | null;
  extRequestedAt: number | null;
  publicReply: string | null;
  answeredAt: number | null;
  rating: string | null;
  ratingComment: string | null;
  reopenCount: number;
  mergedIntoId: string | null;
  sourceRefType: string | null;
  sourceRefId: string | null;
  acceptedAt: number | null;
  dispatchedAt: number | null;
  signedAt: number | null;
  closedAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** The lead unit (主办) and co-handling units (协办) of a case, each with its own clock. */
export interface CaseUnitTable {
  id: string;
  caseId: string;
  unitId: string;
  role: string;
  status: string;
  active: number;
  signDeadline: number | null;
  deadline: number | null;
  signedAt: number | null;
  answeredAt: number | null;
  createdAt: number;
}

export interface CaseEventTable {
  id: string;
  caseId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  at: number;
  payload: string;
  internal: number;
}

export interface CaseCounterTable {
  districtId: string;
  year: number;
  last: number;
}

export interface CaseLimitTable {
  type: string;
  priority: string;
  days: number;
  updatedAt: number;
}

export interface BranchTable {
  id: string; projectId: string; name: string; foundedOn: string; approvalDocNo: string; status: string; closedOn: string | null;
  version: number; createdAt: number; updatedAt: number;
}
export interface BranchMemberTable {
  id: string; branchId: string; userId: string | null; name: string; unitName: string; side: string; role: string;
  isPartyMember: number; joinedOn: string; leftOn: string | null;
}
export interface MeetingTable {
  id: string; branchId: string; type: string; title: string; startsAt: number; endsAt: number; place: string; status: string;
  minutesStatus: string; uid: string; sequence: number; remindedAt: number | null; createdBy: string | null; version: number;
  createdAt: number; updatedAt: number;
}
export interface MeetingInviteeTable {
  id: string; meetingId: string; memberId: string | null; userId: string | null; name: string; attendance: string | null;
  leaveReason: string | null; confirmation: string | null; comment: string | null;
}
export interface AgendaItemTable {
  id: string; meetingId: string; position: number; title: string; caseId: string | null; carriedResolutionId: string | null; minutes: string | null;
}
export interface ResolutionTable {
  id: string; meetingId: string; agendaItemId: string | null; text: string; ownerUnitId: string | null; dueDate: string | null;
  needsAction: number; caseId: string | null; createdAt: number;
}
export interface CalendarTokenTable {
  userId: string; tokenHash: string; createdAt: number;
}

/** Approval agency (审批代办): the catalogue, templates per project category, and each project's chain. */
export interface ApprovalItemTable {
  id: string; code: string; name: string; authority: string; authorityLevel: string; statutoryDays: number;
  /** JSON: string[] — the one-time list of materials (一次性告知清单). */
  materials: string; basis: string | null; sortOrder: number; isActive: number; version: number; createdAt: number; updatedAt: number;
}
export interface ApprovalTemplateItemTable {
  category: string; itemId: string; position: number;
}
export interface ProjectApprovalTable {
  id: string; projectId: string; itemId: string; position: number; agentId: string | null; status: string;
  plannedOn: string | null; preparingOn: string | null; submittedOn: string | null; acceptedOn: string | null;
  approvedOn: string | null; sentBackOn: string | null; sentBackReason: string | null;
  /** JSON: [{name, done}] */
  checklist: string; statutoryDays: number; level: string | null; blockCaseId: string | null; note: string | null;
  version: number; createdAt: number; updatedAt: number;
}
/** The typed detail of an `enterprise` case (企业诉求), keyed by the case. */
export interface EnterpriseNeedTable {
  caseId: string; needType: string; level: string;
  /** JSON: string[] of unit ids */
  coordinatingUnitIds: string; amountRequested: number | null; amountArranged: number | null; tenantsTarget: number | null;
  tenantsSigned: number | null; parkingRequested: number | null; parkingApproved: number | null; outcomeNote: string | null;
  version: number; createdAt: number; updatedAt: number;
}

/** A resident's appeal (public portal or Open311); `caseId` once it is a case. */
export interface AppealTable {
  id: string; districtId: string; projectId: string | null; caseId: string | null; trackingHash: string; state: string;
  channel: string; source: string; category: string; description: string; address: string | null; lat: number | null;
  lng: number | null; attributes: string | null; mediaUrl: string | null; anonymous: number; contactName: string | null;
  phoneSealed: string | null; phoneMasked: string | null; publicReply: string | null; challengeId: string | null;
  open311KeyId: string | null; version: number; createdAt: number; updatedAt: number;
}
export interface Open311KeyTable {
  id: string; name: string; prefix: string; keyHash: string; source: string; createdBy: string | null; createdAt: number;
  lastUsedAt: number | null; revokedAt: number | null;
}

/** Safety supervision (安全生产有人监督): checklists, inspections, their items (a failure links its `safety` case). */
export interface InspectionTemplateTable {
  id: string; name: string; description: string; isActive: number; version: number; createdAt: number; updatedAt: number;
}
export interface InspectionTemplateItemTable {
  id: string; templateId: string; position: number; category: string; text: string; severity: string; basis: string | null;
}
export interface InspectionTable {
  id: string; projectId: string; templateId: string; templateName: string; status: string; inspectorId: string; inspectedAt: number;
  location: string | null; summary: string | null; contractorUnitId: string | null; contractorSignerName: string | null;
  inspectorSignatureId: string | null; contractorSignatureId: string | null; noticeNumber: string | null; submittedAt: number | null;
  version: number; createdAt: number; updatedAt: number;
}
export interface InspectionItemTable {
  id: string; inspectionId: string; position: number; category: string; text: string; severity: string; basis: string | null;
  result: string | null; note: string | null; photoId: string | null; rectifyBy: number | null; caseId: string | null;
}
export interface DocumentCounterTable {
  districtId: string; kind: string; year: number; last: number;
}
export interface ProjectSafetyTable {
  projectId: string; stopWork: number; since: number | null; inspectionId: string | null; liftedAt: number | null; updatedAt: number;
}
/** Dispute mediation (群众纠纷有人调解): the typed detail of a `dispute` case, keyed by the case. */
export interface DisputeTable {
  caseId: string; category: string; risk: string; mediatorId: string | null; facts: string; issues: string; settleBy: string;
  settledAt: number | null; judicialState: string; judicialRemindedAt: number | null; version: number; createdAt: number; updatedAt: number;
}
export interface DisputePartyTable {
  id: string; caseId: string; position: number; kind: string; name: string;
  /** AES-GCM sealed (kernel/auth/secrets.ts); `phoneMasked` is what most people see. */
  phoneSealed: string | null; phoneMasked: string | null; address: string | null; representative: string | null;
}
export interface MediationSessionTable {
  id: string; caseId: string; heldAt: number; place: string; mediatorName: string;
  /** JSON: [{name, role}] and [{speaker, text}] */
  attendees: string; statements: string; outcome: string; notes: string | null; recordedBy: string; createdAt: number;
}
export interface MediationAgreementTable {
  caseId: string; number: string | null; status: string; committeeName: string; facts: string; issues: string; responsibilities: string;
  /** JSON: string[] */
  terms: string; performanceMethod: string; performBy: string; signedOn: string | null; signedCopyId: string | null;
  version: number; createdAt: number; updatedAt: number;
}
export interface DisputeCallbackTable {
  id: string; caseId: string; calledOn: string; performance: string; note: string; recordedBy: string; createdAt: number;
}

/** The board's counters (modules/board): `scope` is d:<district> or p:<project>; `unit` '' or a handling unit. */
export interface BoardGaugeTable {
  scope: string; unit: string; type: string; submitted: number; accepted: number; assigned: number; inProgress: number;
  answered: number; closed: number; rejected: number; withdrawn: number; overdue: number; resTotal: number; resDone: number; resOnTime: number;
}
/** Events per Shanghai day (`day` YYYY-MM-DD). */
export interface BoardFlowTable {
  scope: string; unit: string; day: string; type: string; opened: number; closed: number; closedOnTime: number; closeDays: number;
  rated: number; satisfied: number; assigned: number; returned: number; signDue: number; signedOnTime: number; resClosed: number; resOnTime: number;
}
export interface BoardCategoryTable {
  scope: string; unit: string; day: string; category: string; opened: number;
}
/** The facts of a case as last counted (JSON), so the next change is counted as a difference. */
export interface BoardCaseMarkTable {
  caseId: string; overdue: number; facts: string; updatedAt: number;
}
export interface BoardVersionTable {
  key: string; version: number;
}
/** The composite light of a project, with its reasons (JSON) and the inputs it was computed from. */
export interface BoardProjectLightTable {
  projectId: string; light: string; reasons: string; inputs: string; dirty: number; computedAt: number | null; changedAt: number | null;
}
/** The archive of weekly briefings (工作简报), one per district and ISO week. */
export interface BriefingTable {
  id: string; districtId: string; week: string; fromDate: string; toDate: string; figures: string; pdf: Buffer; docx: Buffer; xlsx: Buffer;
  generatedBy: string | null; generatedAt: number;
  /** When the leaders were told (by the Monday job), once. */
  notifiedAt: number | null;
}

export interface Database {
  boardGauges: BoardGaugeTable;
  boardFlows: BoardFlowTable;
  boardCategories: BoardCategoryTable;
  boardCaseMarks: BoardCaseMarkTable;
  boardVersions: BoardVersionTable;
  boardProjectLights: BoardProjectLightTable;
  briefings: BriefingTable;
  inspectionTemplates: InspectionTemplateTable;
  inspectionTemplateItems: InspectionTemplateItemTable;
  inspections: InspectionTable;
  inspectionItems: InspectionItemTable;
  documentCounters: DocumentCounterTable;
  projectSafety: ProjectSafetyTable;
  disputes: DisputeTable;
  disputeParties: DisputePartyTable;
  mediationSessions: MediationSessionTable;
  mediationAgreements: MediationAgreementTable;
  disputeCallbacks: DisputeCallbackTable;
  appeals: AppealTable;
  open311Keys: Open311KeyTable;
  approvalItems: ApprovalItemTable;
  approvalTemplateItems: ApprovalTemplateItemTable;
  projectApprovals: ProjectApprovalTable;
  enterpriseNeeds: EnterpriseNeedTable;
  branches: BranchTable;
  branchMembers: BranchMemberTable;
  meetings: MeetingTable;
  meetingInvitees: MeetingInviteeTable;
  agendaItems: AgendaItemTable;
  resolutions: ResolutionTable;
  calendarTokens: CalendarTokenTable;
  calendarDays: CalendarDayTable;
  jobs: JobTable;
  jobSchedules: JobScheduleTable;
  cases: CaseTable;
  caseUnits: CaseUnitTable;
  caseEvents: CaseEventTable;
  caseCounters: CaseCounterTable;
  caseLimits: CaseLimitTable;
  milestones: MilestoneTable;
  progressReports: ProgressReportTable;
  handovers: HandoverTable;
  siteLogs: SiteLogTable;
  siteLogProblems: SiteLogProblemTable;
  learningLogs: LearningLogTable;
  evaluations: EvaluationTable;
  files: FileTable;
  notifications: NotificationTable;
  units: UnitTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  signInAttempts: SignInAttemptTable;
  apiTokens: ApiTokenTable;
  auditLog: AuditLogTable;
  idempotencyKeys: IdempotencyKeyTable;
  projects: ProjectTable;
  assignments: AssignmentTable;
  settings: SettingTable;
}
export type { Generated };

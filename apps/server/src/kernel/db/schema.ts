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

export interface Database {
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

import type { User } from '@liaison/contracts';
import type { Tx } from '../../kernel/db/connect.js';
import type { UserTable } from '../../kernel/db/schema.js';
import { bool, toIso } from '../../kernel/db/tx.js';
import { listRolesOf, listUnitRefs } from './users.repository.js';

/** Rows → API users, loading roles and units for the whole page in two queries. */
export async function presentUsers(db: Tx, rows: UserTable[]): Promise<User[]> {
  const roles = await listRolesOf(db, rows.map((r) => r.id));
  const units = await listUnitRefs(db, rows.map((r) => r.unitId));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    phone: r.phone,
    email: r.email,
    unit: r.unitId ? ((units.get(r.unitId) as User['unit']) ?? null) : null,
    roles: (roles.get(r.id) ?? []) as User['roles'],
    isActive: bool(r.isActive),
    mustChangePassword: bool(r.mustChangePassword),
    totpEnabled: bool(r.totpEnabled),
    lastSignInAt: toIso(r.lastSignInAt),
    createdAt: toIso(r.createdAt)!,
    version: r.version,
  }));
}

export async function presentUser(db: Tx, row: UserTable): Promise<User> {
  return (await presentUsers(db, [row]))[0]!;
}

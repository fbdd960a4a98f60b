// User accounts: role, agency and (for unit reporters) units. Administered by admins.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { sessions, users, userUnits } from '../../db/schema';
import type { User, UserInput, UserPatch, UserQuery } from '../contracts/users';
import { storedNow } from '../domain/time';
import { fieldRefusal, invalidFields, notFound, refuse } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { hashPassword, newSecret } from './passwords';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies, invalidUnits } from './references';

type UserRow = typeof users.$inferSelect;

export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

function toUsers(tx: Tx, rows: UserRow[]): User[] {
  const ids = rows.map((row) => row.id);
  const links =
    ids.length === 0 ? [] : tx.select().from(userUnits).where(inArray(userUnits.userId, ids)).all();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    agencyId: row.agencyId,
    unitIds: links.filter((link) => link.userId === row.id).map((link) => link.unitId),
    disabled: row.disabled,
    version: row.version,
  }));
}

export function readUser(tx: Tx, id: number): User {
  const row = tx.select().from(users).where(eq(users.id, id)).get();
  const [user] = row ? toUsers(tx, [row]) : [];
  if (!user) throw notFound('người dùng', id);
  return user;
}

export function getUser(ctx: ServiceContext, id: number): User {
  return readUser(ctx.db, id);
}

export function listUsers(ctx: ServiceContext, query: z.infer<typeof UserQuery>) {
  const where = and(
    query.role ? eq(users.role, query.role) : undefined,
    query.agencyId ? eq(users.agencyId, query.agencyId) : undefined,
  );
  const rows = ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  return page(toUsers(ctx.db, rows), total, query);
}

type Scope = Pick<User, 'role' | 'agencyId' | 'unitIds'>;

/** Agency-bound roles need an agency; unit reporters also need their units. */
function checkScope(tx: Tx, scope: Scope, username: string | undefined, selfId?: number): void {
  const details = [
    ...(scope.agencyId ? invalidAgencies(tx, 'agencyId', [scope.agencyId], undefined, false) : []),
    ...invalidUnits(tx, 'unitIds', scope.unitIds),
  ];
  if ((scope.role === 'agency_editor' || scope.role === 'unit_reporter') && !scope.agencyId) {
    details.push(fieldRefusal('agencyId', 'user.agencyNeeded'));
  }
  if (scope.role === 'unit_reporter' && scope.unitIds.length === 0) {
    details.push(fieldRefusal('unitIds', 'user.unitNeeded'));
  }
  if (username) {
    const clash = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
    if (clash && clash.id !== selfId) details.push(fieldRefusal('username', 'user.taken', { username }));
  }
  if (details.length > 0) throw invalidFields(details);
}

function writeUnits(tx: Tx, userId: number, unitIds: number[] | undefined): void {
  if (unitIds === undefined) return;
  tx.delete(userUnits).where(eq(userUnits.userId, userId)).run();
  const rows = [...new Set(unitIds)].map((unitId) => ({ userId, unitId }));
  if (rows.length > 0) tx.insert(userUnits).values(rows).run();
}

export async function createUser(ctx: ServiceContext, input: UserInput): Promise<User> {
  // Hash before the transaction: it takes a few hundred milliseconds and must not hold the writer.
  const passwordHash = await hashPassword(input.password);
  return auditedCreate(
    ctx,
    'user',
    (tx) => {
      const scope = { role: input.role, agencyId: input.agencyId ?? null, unitIds: input.unitIds ?? [] };
      checkScope(tx, scope, input.username);
      const { id } = tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          agencyId: scope.agencyId,
          disabled: input.disabled ?? false,
        })
        .returning({ id: users.id })
        .get();
      writeUnits(tx, id, input.unitIds);
      return id;
    },
    readUser,
  );
}

export async function updateUser(
  ctx: ServiceContext,
  id: number,
  patch: UserPatch,
  expected: number | undefined,
) {
  const { version: _version, password, unitIds, ...changes } = patch;
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  return auditedUpdate(ctx, {
    entityType: 'user',
    label: 'Người dùng',
    id,
    expected,
    read: readUser,
    // The hash never enters the audit trail; that a reset happened does.
    unseenChange: passwordHash ? { passwordReset: true } : undefined,
    apply: (tx, before, version) => {
      // An administrator who demotes or disables themselves could leave nobody to undo it.
      const selfDemotion =
        (changes.role ?? before.role) !== before.role || (changes.disabled === true && !before.disabled);
      if (ctx.actor?.id === id && selfDemotion) {
        throw refuse('FORBIDDEN', 'user.selfChange');
      }
      const scope = {
        role: changes.role ?? before.role,
        agencyId: changes.agencyId === undefined ? before.agencyId : changes.agencyId,
        unitIds: unitIds ?? before.unitIds,
      };
      checkScope(tx, scope, changes.username, id);
      const at = storedNow(ctx.now);
      tx.update(users)
        .set({ ...changes, ...(passwordHash ? { passwordHash } : {}), version, updatedAt: at })
        .where(eq(users.id, id))
        .run();
      writeUnits(tx, id, unitIds);
      // A new password or a disabled account ends every open session of that user.
      if (passwordHash || changes.disabled === true) {
        tx.update(sessions).set({ endedAt: at }).where(eq(sessions.userId, id)).run();
      }
    },
  });
}

/**
 * On an empty database, the first administrator: with the configured password, or with a
 * generated one that is returned so that it can be printed once. Never a default password.
 */
export async function ensureFirstAdmin(
  ctx: ServiceContext,
  options: { username: string; password: string | undefined },
): Promise<{ username: string; generatedPassword: string | null } | null> {
  if ((ctx.db.select({ n: count() }).from(users).get()?.n ?? 0) > 0) return null;
  const generatedPassword = options.password ? null : newSecret().slice(0, 24);
  const password = options.password ?? generatedPassword ?? '';
  await createUser(ctx, {
    username: normaliseUsername(options.username),
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    password,
  });
  return { username: normaliseUsername(options.username), generatedPassword };
}

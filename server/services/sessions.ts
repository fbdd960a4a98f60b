// Who is asking: a session cookie or a personal API token, resolved to an Actor.
// Sessions end at logout, after 30 minutes idle, after 12 hours in all, and as soon as
// their user is disabled.
import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, sessions, users, userUnits } from '../../db/schema';
import { addSecondsToInstant, type Clock, storedNow } from '../domain/time';
import type { Tx } from './context';
import { hashSecret, newSecret } from './passwords';
import type { Actor } from './permissions';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;
/** Touching a session on every request would write on every read; once a minute is precise enough. */
const TOUCH_AFTER_SECONDS = 60;

// Sessions are checked by the auth plugin before any service context exists, so each
// function takes the app's clock itself (the real one, or a test's).

export function loadActor(tx: Tx, userId: number): Actor | null {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled) return null;
  const unitIds = tx
    .select({ unitId: userUnits.unitId })
    .from(userUnits)
    .where(eq(userUnits.userId, userId))
    .all()
    .map((row) => row.unitId);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyId: user.agencyId,
    unitIds,
  };
}

/** Opens a session and returns its secret, which only the cookie will hold. */
export function startSession(tx: Tx, clock: Clock, userId: number, address: string | null): string {
  const secret = newSecret();
  const at = storedNow(clock);
  tx.insert(sessions)
    .values({ tokenHash: hashSecret(secret), userId, createdAt: at, lastSeenAt: at, address })
    .run();
  return secret;
}

export function endSession(tx: Tx, clock: Clock, secret: string): number | null {
  const session = tx
    .update(sessions)
    .set({ endedAt: storedNow(clock) })
    .where(and(eq(sessions.tokenHash, hashSecret(secret)), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId })
    .get();
  return session?.userId ?? null;
}

/** Stored instants compare in time order as text. */
function expired(session: typeof sessions.$inferSelect, at: string): boolean {
  const idleSince = addSecondsToInstant(session.lastSeenAt, SESSION_IDLE_MINUTES * 60);
  const maxUntil = addSecondsToInstant(session.createdAt, SESSION_MAX_HOURS * 3600);
  return at >= idleSince || at >= maxUntil;
}

/** The actor of a live session, or null; an expired session, or one of a disabled user, is ended. */
export function actorFromSession(
  tx: Tx,
  clock: Clock,
  secret: string,
): { actor: Actor; sessionId: number } | null {
  const session = tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashSecret(secret)), isNull(sessions.endedAt)))
    .get();
  if (!session) return null;
  const at = storedNow(clock);
  const actor = expired(session, at) ? null : loadActor(tx, session.userId);
  if (!actor) {
    tx.update(sessions).set({ endedAt: at }).where(eq(sessions.id, session.id)).run();
    return null;
  }
  if (at >= addSecondsToInstant(session.lastSeenAt, TOUCH_AFTER_SECONDS)) {
    tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, session.id)).run();
  }
  return { actor, sessionId: session.id };
}

/** The actor of a live personal token of the given kind, or null. */
export function actorFromToken(tx: Tx, clock: Clock, secret: string, kind: 'api' | 'feed'): Actor | null {
  const token = tx
    .select()
    .from(apiTokens)
    .where(
      and(eq(apiTokens.tokenHash, hashSecret(secret)), eq(apiTokens.kind, kind), isNull(apiTokens.revokedAt)),
    )
    .get();
  if (!token) return null;
  tx.update(apiTokens)
    .set({ lastUsedAt: storedNow(clock) })
    .where(eq(apiTokens.id, token.id))
    .run();
  return loadActor(tx, token.userId);
}

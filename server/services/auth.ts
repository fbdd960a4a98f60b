// Sign-in and sign-out. Wrong username and wrong password get the same answer in the
// same time, and every success or sign-out leaves one audit row.
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { User } from '../contracts/users';
import { refuse } from '../errors';
import { recordAudit } from './audit';
import type { ServiceContext } from './context';
import type { LoginThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { endSession, startSession } from './sessions';
import { normaliseUsername, readUser } from './users';

const wrongCredentials = () => refuse('UNAUTHENTICATED', 'auth.wrongPassword');

export async function login(
  ctx: ServiceContext,
  throttle: LoginThrottle,
  input: { username: string; password: string; address: string; previousSession: string | undefined },
): Promise<{ user: User; secret: string }> {
  const username = normaliseUsername(input.username);
  throttle.assertMayTry(username, input.address);
  const row = ctx.db.select().from(users).where(eq(users.username, username)).get();
  // Verify even when there is no such user, so that the answer takes the same time.
  const passwordMatches = await verifyPassword(input.password, row?.passwordHash);
  if (!row || !passwordMatches || row.disabled) {
    throttle.recordFailure(username, input.address);
    throw wrongCredentials();
  }
  throttle.recordSuccess(username, input.address);
  return ctx.db.transaction((tx) => {
    // A new session at every sign-in: a session id planted before sign-in is worth nothing after.
    if (input.previousSession) endSession(tx, ctx.now, input.previousSession);
    const secret = startSession(tx, ctx.now, row.id, input.address);
    const user = readUser(tx, row.id);
    const after = { address: input.address };
    // An event, not a change to a record: it bypasses `auditedWrite`, which versions records.
    recordAudit(
      tx,
      ctx,
      { action: 'login', entityType: 'user', entityId: row.id, before: null, after },
      row.id,
    );
    return { user, secret };
  });
}

export function logout(ctx: ServiceContext, secret: string | undefined): void {
  if (!secret) return;
  ctx.db.transaction((tx) => {
    const userId = endSession(tx, ctx.now, secret);
    if (userId !== null) {
      recordAudit(
        tx,
        ctx,
        { action: 'logout', entityType: 'user', entityId: userId, before: null, after: null },
        userId,
      );
    }
  });
}

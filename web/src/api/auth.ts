import { authEndpoints, type Role, roles, type User } from '../../../server/contracts/users';
import { call } from './client';

export { type Role, roles, type User };

/** The signed-in user, or an ApiError with status 401 when nobody is. */
export async function getMe(signal?: AbortSignal): Promise<User> {
  const me = await call(authEndpoints.me, { signal, unauthenticatedIsExpected: true });
  return me.user;
}

export async function signIn(credentials: { username: string; password: string }): Promise<User> {
  const me = await call(authEndpoints.login, { body: credentials, unauthenticatedIsExpected: true });
  return me.user;
}

export async function signOut(): Promise<void> {
  // Signing out of a session that already ended is still signing out.
  await call(authEndpoints.logout, { unauthenticatedIsExpected: true });
}

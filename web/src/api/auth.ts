import { Me, type Role, roles, type User } from '../../../server/contracts/users';
import { apiGet, apiSend, NoContent } from './client';

export { type Role, roles, type User };

/** The signed-in user, or an ApiError with status 401 when nobody is. */
export async function getMe(signal?: AbortSignal): Promise<User> {
  const me = await apiGet('/api/auth/me', Me, { signal, unauthenticatedIsExpected: true });
  return me.user;
}

export async function signIn(credentials: { username: string; password: string }): Promise<User> {
  const me = await apiSend('POST', '/api/auth/login', Me, {
    body: credentials,
    unauthenticatedIsExpected: true,
  });
  return me.user;
}

export async function signOut(): Promise<void> {
  // Signing out of a session that already ended is still signing out.
  await apiSend('POST', '/api/auth/logout', NoContent, { unauthenticatedIsExpected: true });
}

import {
  User,
  type UserInput,
  UserList,
  type UserPatch,
  type User as UserType,
} from '../../../server/contracts/users';
import { apiGet, apiSend } from './client';

export type { UserInput, UserPatch, UserType as User };

/** Every user: a province has a few hundred at most, well within one page of 1000. */
export async function listUsers(signal?: AbortSignal): Promise<UserType[]> {
  const page = await apiGet('/api/users', UserList, { query: { limit: 1000 }, signal });
  return page.items;
}

export function createUser(input: UserInput): Promise<UserType> {
  return apiSend('POST', '/api/users', User, { body: input });
}

/** `version` is the one the form was filled from: a change made meanwhile gets 412. */
export function updateUser(
  id: number,
  version: number,
  patch: Omit<UserPatch, 'version'>,
): Promise<UserType> {
  return apiSend('PATCH', `/api/users/${id}`, User, { body: patch, ifMatch: version });
}

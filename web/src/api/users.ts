import {
  type UserInput,
  type UserPatch,
  type User as UserType,
  userEndpoints,
} from '../../../server/contracts/users';
import { call } from './client';

export type { UserInput, UserPatch, UserType as User };

/** Every user: a province has a few hundred at most, well within one page of 1000. */
export async function listUsers(signal?: AbortSignal): Promise<UserType[]> {
  const page = await call(userEndpoints.list, { query: { limit: 1000 }, signal });
  return page.items;
}

export function createUser(input: UserInput): Promise<UserType> {
  return call(userEndpoints.create, { body: input });
}

/** `version` is the one the form was filled from: a change made meanwhile gets 412. */
export function updateUser(
  id: number,
  version: number,
  patch: Omit<UserPatch, 'version'>,
): Promise<UserType> {
  return call(userEndpoints.update, { params: { id }, body: patch, ifMatch: version });
}

import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { passwordLength, roles, tokenKinds } from '../domain/vocabularies';
import { Id, IdParam, IdParams, listOf, pageQuery, RequiredText, Text, VersionField } from './common';
import { endpoint } from './endpoints';

export type { Role } from '../domain/vocabularies';

/** Counted in characters (code points), as a person counts them. */
export const Password = z
  .string()
  .refine((value) => [...value].length >= passwordLength.min, refusalText('field.passwordShort'))
  .refine((value) => [...value].length <= passwordLength.max, refusalText('field.passwordLong'));

/** Usernames compare in NFC lower case. */
export const Username = Text.min(3, refusalText('field.usernameShort'))
  .max(64)
  .toLowerCase()
  .regex(/^[\p{L}\p{N}._@-]+$/u, refusalText('field.usernameChars'));

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  agencyId: Id.nullable(),
  unitIds: z.array(Id),
  disabled: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;

const userFields = {
  username: Username,
  displayName: RequiredText(200),
  role: z.enum(roles),
  agencyId: Id.nullable().optional(),
  unitIds: z.array(Id).max(200).optional(),
  disabled: z.boolean().optional(),
};

export const UserInput = z.strictObject({ ...userFields, password: Password });
export type UserInput = z.infer<typeof UserInput>;
/** `password` here is an administrator's reset. */
export const UserPatch = z.strictObject({ ...userFields, password: Password, ...VersionField }).partial();
export type UserPatch = z.infer<typeof UserPatch>;

export const UserQuery = z.strictObject({
  role: z.enum(roles).optional(),
  agencyId: IdParam.optional(),
  ...pageQuery(),
});
export const UserList = listOf(User);

// ---------------------------------------------------------------- sign-in

export const LoginInput = z.strictObject({
  username: z.string().max(200),
  password: z.string().max(1000),
});
export const Me = z.object({ user: User });

// ---------------------------------------------------------------- personal tokens

export const ApiToken = z.object({
  id: Id,
  kind: z.enum(tokenKinds),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** The secret is in the answer to its creation, and nowhere ever again. */
export const NewApiToken = ApiToken.extend({ secret: z.string() });
export const ApiTokenInput = z.strictObject({
  kind: z.enum(tokenKinds).default('api'),
  name: RequiredText(100),
});
export const ApiTokenList = z.object({ items: z.array(ApiToken) });

// ---------------------------------------------------------------- audit

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actorId: Id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: IdParam.optional(),
  userId: IdParam.optional(),
  /** Inclusive bounds on the time of the change, dates or date-times. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  ...pageQuery(),
});
export const AuditList = listOf(AuditEntry);

export { roles, tokenKinds };

// ---------------------------------------------------------------- endpoints

export const userEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/users',
    query: UserQuery,
    response: UserList,
    status: 200,
    tags: ['users'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/users',
    body: UserInput,
    response: User,
    status: 201,
    tags: ['users'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    params: IdParams,
    response: User,
    status: 200,
    tags: ['users'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    params: IdParams,
    body: UserPatch,
    response: User,
    status: 200,
    tags: ['users'],
  }),
};

export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    body: LoginInput,
    response: Me,
    status: 200,
    summary: 'Sign in; sets the session cookie',
    tags: ['auth'],
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    // 204: the answer has no body.
    response: z.null(),
    status: 204,
    summary: 'Sign out; ends the session',
    tags: ['auth'],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    response: Me,
    status: 200,
    summary: 'The signed-in user',
    tags: ['auth'],
  }),
};

/** The signed-in user's own tokens: no user id in the paths, the session says whose. */
export const tokenEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/me/tokens',
    response: ApiTokenList,
    status: 200,
    summary: 'My API and feed tokens (never their secrets)',
    tags: ['me'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/me/tokens',
    body: ApiTokenInput,
    response: NewApiToken,
    status: 201,
    summary: 'Create a token; its secret is shown in this answer only',
    tags: ['me'],
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/me/tokens/:id',
    params: IdParams,
    // 204: the answer has no body.
    response: z.null(),
    status: 204,
    summary: 'Revoke a token',
    tags: ['me'],
  }),
};

export const auditEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    query: AuditQuery,
    response: AuditList,
    status: 200,
    summary: 'The audit trail, newest first',
    tags: ['audit'],
  }),
};

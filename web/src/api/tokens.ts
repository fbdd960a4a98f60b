import type { z } from 'zod';
import { type ApiToken, type NewApiToken, tokenEndpoints, tokenKinds } from '../../../server/contracts/users';
import { call } from './client';

export type Token = z.infer<typeof ApiToken>;
export type NewToken = z.infer<typeof NewApiToken>;
export type TokenKind = (typeof tokenKinds)[number];
export { tokenKinds };

/** The signed-in user's own tokens, revoked ones included; never their secrets. */
export async function listMyTokens(signal?: AbortSignal): Promise<Token[]> {
  const list = await call(tokenEndpoints.list, { signal });
  return list.items;
}

/** A new token: its secret is in this answer and nowhere ever again. */
export function createMyToken(input: { kind: TokenKind; name: string }): Promise<NewToken> {
  return call(tokenEndpoints.create, { body: input });
}

export async function revokeMyToken(id: number): Promise<void> {
  await call(tokenEndpoints.revoke, { params: { id } });
}

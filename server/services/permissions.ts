// The server's side of the permission rules of server/domain/permissions.ts: the actor of a
// request, and the checks services make before a write, which turn a rule's refusal into
// a 403.
import type { Role } from '../contracts/users';
import { activityWriteRefusal, campaignWriteRefusal, resultWriteRefusal } from '../domain/permissions';
import type { RefusalKey } from '../domain/refusals';
import { refuse } from '../errors';

export { isAllowed, type Permission } from '../domain/permissions';

export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  unitIds: number[];
};

/** The system itself (seeding, scripts) is refused nothing. */
function assertAllowed(actor: Actor | null, rule: (actor: Actor) => RefusalKey | null): void {
  if (actor === null) return;
  const key = rule(actor);
  if (key) throw refuse('FORBIDDEN', key);
}

export function assertMayWriteActivity(
  actor: Actor | null,
  ...sides: Parameters<typeof activityWriteRefusal> extends [unknown, ...infer Rest] ? Rest : never
): void {
  assertAllowed(actor, (writer) => activityWriteRefusal(writer, ...sides));
}

export function assertMayWriteResult(
  actor: Actor | null,
  activity: Parameters<typeof resultWriteRefusal>[1],
): void {
  assertAllowed(actor, (writer) => resultWriteRefusal(writer, activity));
}

export function assertMayWriteCampaign(
  actor: Actor | null,
  ...sides: Parameters<typeof campaignWriteRefusal> extends [unknown, ...infer Rest] ? Rest : never
): void {
  assertAllowed(actor, (writer) => campaignWriteRefusal(writer, ...sides));
}

// What the result screens offer to whom: the server decides (server/services/permissions.ts),
// this only keeps the screens from offering what it would refuse.
import type { Activity } from '../../api/activities';
import type { Role, User } from '../../api/auth';

function actsProvinceWide(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

/**
 * DESIGN §4: coordinators and admins log any result; an agency's editor those of activities
 * their agency leads or joins; a unit's reporter those held in their units.
 */
export function canWriteResult(
  user: Pick<User, 'role' | 'agencyId' | 'unitIds'>,
  activity: Pick<Activity, 'leadAgencyId' | 'partnerAgencyIds' | 'unitIds'>,
): boolean {
  if (actsProvinceWide(user.role)) return true;
  if (user.role === 'unit_reporter') return activity.unitIds.some((id) => user.unitIds.includes(id));
  if (user.role === 'agency_editor') {
    return (
      user.agencyId !== null &&
      (activity.leadAgencyId === user.agencyId || activity.partnerAgencyIds.includes(user.agencyId))
    );
  }
  return false;
}

/** Accepting or returning results, and locking periods: the coordinators' word. */
export function canReviewResults(role: Role): boolean {
  return actsProvinceWide(role);
}

export const canLockPeriods = canReviewResults;

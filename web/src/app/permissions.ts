// What the interface offers to each role (DESIGN §4). The server decides; this only keeps
// the screens from offering what would be refused.
import type { Activity } from '../api/activities';
import type { Role, User } from '../api/auth';

export const can = {
  /** Users list (coordinators read it, only admins change it). */
  readUsers: (role: Role) => role === 'admin' || role === 'coordinator',
  writeUsers: (role: Role) => role === 'admin',
  readAudit: (role: Role) => role === 'admin' || role === 'coordinator',
  /** Agencies, units and the catalogue: everyone reads them elsewhere, admins manage them here. */
  manageReference: (role: Role) => role === 'admin',
  /** Read-only links to a filtered calendar for people without an account. */
  manageShareLinks: (role: Role) => role === 'admin' || role === 'coordinator',
  /** Whether the Admin section has anything for this role. */
  openAdmin: (role: Role) => role === 'admin' || role === 'coordinator',
};

/** Who may be asked about writing activities: what the server's `assertMayWriteActivity` decides. */
type ActivityScope = {
  leadAgencyId: number;
  unitIds: readonly number[];
  /** Set once a result was logged. */
  resultStatus?: string | null;
};
type Writer = Pick<User, 'role' | 'agencyId' | 'unitIds'>;

/** Admins and coordinators act province-wide; the other roles within their agency or units. */
export function actsProvinceWide(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

/**
 * Whether the interface offers to create activities: province-wide roles always; an agency's
 * editor or a unit's reporter only once attached to an agency (and, for a reporter, to units),
 * since every activity they write is led by their agency.
 */
export function canCreateActivities(user: Writer): boolean {
  if (actsProvinceWide(user.role)) return true;
  if (user.role === 'agency_editor') return user.agencyId !== null;
  if (user.role === 'unit_reporter') return user.agencyId !== null && user.unitIds.length > 0;
  return false;
}

/**
 * Whether the user may edit, reschedule, postpone or delete this activity. Mirrors the server's
 * rule: an agency's editor writes what their agency leads; a unit's reporter, in addition, only
 * activities placed in their own units (at least one, all of them theirs), and only while
 * no result has been logged for them.
 */
export function canEditActivity(user: Writer, activity: ActivityScope): boolean {
  if (actsProvinceWide(user.role)) return true;
  if (user.role !== 'agency_editor' && user.role !== 'unit_reporter') return false;
  if (user.agencyId === null || activity.leadAgencyId !== user.agencyId) return false;
  if (user.role === 'agency_editor') return true;
  if (activity.resultStatus) return false;
  return activity.unitIds.length > 0 && activity.unitIds.every((unitId) => user.unitIds.includes(unitId));
}

/** Approving (`confirmed`) is the coordinators' word, not the organiser's. */
export function canConfirmActivities(role: Role): boolean {
  return actsProvinceWide(role);
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

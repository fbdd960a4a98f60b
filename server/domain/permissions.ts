// Who may do what (DESIGN §4), decided once, here, and asked by the server (which refuses)
// and the web (which offers only what the server would allow).
//
// Two questions:
// 1. May this role do this kind of thing at all? Every route names a permission; the
//    authorization plugin asks `isAllowed` before the handler.
// 2. May this user do it to this record? The `…Refusal` functions take the record before
//    and after the change (an agency editor edits only what their agency leads, a unit
//    reporter only in their units) and give the refusal's key, or null when it is allowed.
import { isLedOrJoinedBy } from './activities';
import type { RefusalKey } from './refusals';
import type { Role } from './vocabularies';

export const permissions = [
  'signed-in',
  'catalog:read',
  'catalog:write',
  'units:read',
  'units:write',
  'agencies:read',
  'agencies:write',
  'plans:read',
  'plans:write',
  'campaigns:read',
  'campaigns:write',
  'kits:write',
  'activities:read',
  'activities:write',
  'activities:restore',
  'results:write',
  'results:review',
  'periods:lock',
  /** Exam and festival weeks on the calendar: planners see them as hints. */
  'calendar-marks:write',
  'users:read',
  'users:write',
  'audit:read',
  'share-links:write',
  'reports:write',
] as const;
export type Permission = (typeof permissions)[number];

/** Who acts: what the rules need to know of a user. */
export type Writer = { role: Role; agencyId: number | null; unitIds: readonly number[] };

const everyoneReads: Permission[] = [
  'signed-in',
  'catalog:read',
  'units:read',
  'agencies:read',
  'plans:read',
  'campaigns:read',
  'activities:read',
];

const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  coordinator: new Set([
    ...everyoneReads,
    'plans:write',
    'campaigns:write',
    'kits:write',
    'activities:write',
    'activities:restore',
    'results:write',
    'results:review',
    'periods:lock',
    'calendar-marks:write',
    'users:read',
    'audit:read',
    'share-links:write',
    'reports:write',
  ]),
  // An agency's editor composes its own agency's report (reports.ts refuses any other).
  agency_editor: new Set([
    ...everyoneReads,
    'campaigns:write',
    'activities:write',
    'results:write',
    'reports:write',
  ]),
  unit_reporter: new Set([...everyoneReads, 'activities:write', 'results:write']),
  viewer: new Set(everyoneReads),
};

export function isAllowed(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

/** Coordinators and admins act province-wide; the other roles within their agency or units. */
export function actsProvinceWide(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

type ActivityScope = {
  leadAgencyId: number;
  unitIds?: readonly number[] | undefined;
  status?: string | undefined;
  /** Set once a result was logged: a unit reporter's activity is then theirs no more to change. */
  resultStatus?: string | null | undefined;
};

/**
 * Writing an activity, as it was (null when new) and as it would be. Both sides are checked,
 * so that nobody can take over another agency's activity nor hand their own to another.
 */
export function activityWriteRefusal(
  writer: Writer,
  before: ActivityScope | null,
  after: ActivityScope | null,
): RefusalKey | null {
  if (actsProvinceWide(writer.role)) return null;
  if (writer.role !== 'agency_editor' && writer.role !== 'unit_reporter') return 'request.forbidden';
  for (const side of [before, after]) {
    if (!side) continue;
    if (side.leadAgencyId !== writer.agencyId) return 'activity.otherAgency';
    if (writer.role === 'unit_reporter') {
      const units = side.unitIds ?? [];
      if (units.length === 0 || units.some((unitId) => !writer.unitIds.includes(unitId))) {
        return 'activity.otherUnit';
      }
      if (side === before && side.resultStatus) return 'activity.hasResult';
    }
  }
  // Approval (đã duyệt) is the coordinators' word, not the organiser's.
  if (after?.status === 'confirmed' && before?.status !== 'confirmed') return 'activity.confirmByCoordinator';
  return null;
}

/**
 * Logging a result: an agency editor for activities their agency leads or joins; a unit
 * reporter for activities held in their units.
 */
export function resultWriteRefusal(
  writer: Writer,
  activity: { leadAgencyId: number; partnerAgencyIds: readonly number[]; unitIds: readonly number[] },
): RefusalKey | null {
  if (actsProvinceWide(writer.role)) return null;
  if (writer.role === 'unit_reporter') {
    return activity.unitIds.some((unitId) => writer.unitIds.includes(unitId)) ? null : 'result.otherUnit';
  }
  if (writer.role !== 'agency_editor') return 'request.forbidden';
  return writer.agencyId !== null && isLedOrJoinedBy(activity, writer.agencyId) ? null : 'result.otherAgency';
}

/** Agency editors run campaigns that their agency leads, and cannot hand them to another. */
export function campaignWriteRefusal(
  writer: Writer,
  before: { leadAgencyId: number | null } | null,
  after: { leadAgencyId?: number | null | undefined },
): RefusalKey | null {
  if (actsProvinceWide(writer.role)) return null;
  const leads = [before?.leadAgencyId, after.leadAgencyId].filter((id) => id !== undefined);
  return leads.length === 0 || leads.some((id) => id !== writer.agencyId) ? 'campaign.otherAgency' : null;
}

/**
 * Whether to offer creating activities: province-wide roles always; an agency's editor or a
 * unit's reporter only once attached to an agency (and, for a reporter, to units), since
 * every activity they write is led by their agency.
 */
export function mayCreateActivities(writer: Writer): boolean {
  if (actsProvinceWide(writer.role)) return true;
  if (writer.role === 'agency_editor') return writer.agencyId !== null;
  if (writer.role === 'unit_reporter') return writer.agencyId !== null && writer.unitIds.length > 0;
  return false;
}

/** Whether the user may edit, reschedule, postpone or delete this activity as it stands. */
export function mayEditActivity(writer: Writer, activity: ActivityScope): boolean {
  return activityWriteRefusal(writer, activity, activity) === null;
}

export function mayWriteResult(writer: Writer, activity: Parameters<typeof resultWriteRefusal>[1]): boolean {
  return resultWriteRefusal(writer, activity) === null;
}

/** Approving activities, accepting or returning results and locking periods: the coordinators' word. */
export function mayReview(role: Role): boolean {
  return actsProvinceWide(role);
}

/**
 * Composing a report: coordinators and admins the province's and any agency's; an agency's
 * editor only their own agency's report, issued by their agency; nobody else.
 */
export function reportWriteRefusal(
  writer: Writer,
  report: { agencyId: number | null; issuerAgencyId?: number | undefined },
): RefusalKey | null {
  if (actsProvinceWide(writer.role)) return null;
  if (!isAllowed(writer.role, 'reports:write')) return 'request.forbidden';
  const own = writer.agencyId;
  if (own === null || report.agencyId !== own) return 'report.otherAgency';
  if (report.issuerAgencyId !== undefined && report.issuerAgencyId !== own) return 'report.otherAgency';
  return null;
}

/** Whether to offer composing (or editing) the report of this scope (null: the province's). */
export function mayComposeReport(writer: Writer, agencyId: number | null): boolean {
  return reportWriteRefusal(writer, { agencyId }) === null;
}

/**
 * Whether to offer creating (`campaign` null: a campaign the user's agency would lead, or
 * any for the coordinators) or editing this campaign.
 */
export function mayEditCampaign(writer: Writer, campaign: { leadAgencyId: number | null } | null): boolean {
  if (!isAllowed(writer.role, 'campaigns:write')) return false;
  if (campaign === null) return actsProvinceWide(writer.role) || writer.agencyId !== null;
  return campaignWriteRefusal(writer, campaign, {}) === null;
}

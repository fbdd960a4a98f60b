// What the interface offers to each role (DESIGN §4). The server decides; the screens ask the
// very functions it asks (server/domain/permissions.ts), so that they never offer what it
// would refuse. `can` names the section-level questions the navigation asks.
import {
  actsProvinceWide,
  isAllowed,
  mayComposeReport,
  mayCreateActivities,
  mayEditActivity,
  mayEditCampaign,
  mayReview,
  mayWriteResult,
} from '../../../server/domain/permissions';
import type { Role } from '../../../server/domain/vocabularies';

export const can = {
  /** Users list (coordinators read it, only admins change it). */
  readUsers: (role: Role) => isAllowed(role, 'users:read'),
  writeUsers: (role: Role) => isAllowed(role, 'users:write'),
  readAudit: (role: Role) => isAllowed(role, 'audit:read'),
  /** Agencies, units and the catalogue: everyone reads them elsewhere, admins manage them here. */
  manageReference: (role: Role) => isAllowed(role, 'units:write'),
  /** A plan's own details (its number, dates, issuer): the coordinators' and the admins'. */
  writePlans: (role: Role) => isAllowed(role, 'plans:write'),
  /** Read-only links to a filtered calendar for people without an account. */
  manageShareLinks: (role: Role) => isAllowed(role, 'share-links:write'),
  /** Exam and festival periods, which the activity form mentions to planners. */
  markCalendar: (role: Role) => isAllowed(role, 'calendar-marks:write'),
  /** Campaign kits: everyone reads them; coordinators and admins write and apply them. */
  writeKits: (role: Role) => isAllowed(role, 'kits:write'),
  /** Whether the Admin section has anything for this role. */
  openAdmin: (role: Role) => isAllowed(role, 'users:read'),
};

export {
  actsProvinceWide,
  mayComposeReport as canComposeReport,
  mayCreateActivities as canCreateActivities,
  mayEditActivity as canEditActivity,
  mayEditCampaign,
  mayWriteResult as canWriteResult,
};

/** Approving (`confirmed`) is the coordinators' word, not the organiser's. */
export const canConfirmActivities = mayReview;
/** Accepting or returning results, and locking periods: the coordinators' word. */
export const canReviewResults = mayReview;
export const canLockPeriods = mayReview;

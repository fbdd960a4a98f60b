// Who may do what (DESIGN §4): the one place authorisation is decided.
//
// Two questions, asked in two places:
// 1. May this role do this kind of thing at all? Every route names a permission (route
//    config `permission`); the authorization plugin asks `isAllowed` before the handler.
// 2. May this user do it to this record? Services ask the `assert…` functions below with
//    the record before and after the change (an agency editor edits only what their
//    agency leads, a unit reporter only in their units).
import type { Role } from '../contracts/users';
import { AppError } from '../errors';

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
  'activities:read',
  'activities:write',
  'activities:restore',
  'results:write',
  'results:review',
  'periods:lock',
  'users:read',
  'users:write',
  'audit:read',
  'share-links:write',
] as const;
export type Permission = (typeof permissions)[number];

export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  unitIds: number[];
};

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
    'activities:write',
    'activities:restore',
    'results:write',
    'results:review',
    'periods:lock',
    'users:read',
    'audit:read',
    'share-links:write',
  ]),
  agency_editor: new Set([...everyoneReads, 'campaigns:write', 'activities:write', 'results:write']),
  unit_reporter: new Set([...everyoneReads, 'activities:write', 'results:write']),
  viewer: new Set(everyoneReads),
};

export function isAllowed(actor: Actor, permission: Permission): boolean {
  return grants[actor.role].has(permission);
}

/** Coordinators and admins act province-wide; the other roles within their agency or units. */
export function actsProvinceWide(actor: Actor | null): boolean {
  return actor === null || actor.role === 'admin' || actor.role === 'coordinator';
}

function refuse(message: string): never {
  throw new AppError('FORBIDDEN', message);
}

type ActivityScope = {
  leadAgencyId: number;
  unitIds?: number[] | undefined;
  status?: string | undefined;
  /** Set once a result was logged: a unit reporter's activity is then theirs no more to change. */
  resultStatus?: string | null | undefined;
};

/**
 * An activity as it was (null when new) and as it would be. Checks both sides, so that
 * nobody can take over another agency's activity nor hand their own to another agency.
 */
export function assertMayWriteActivity(
  actor: Actor | null,
  before: ActivityScope | null,
  after: ActivityScope | null,
): void {
  if (actsProvinceWide(actor) || actor === null) return;
  for (const side of [before, after]) {
    if (!side) continue;
    if (side.leadAgencyId !== actor.agencyId) {
      refuse('Chỉ được tạo, sửa hoặc xóa hoạt động do cơ quan của mình chủ trì');
    }
    if (actor.role === 'unit_reporter') {
      const units = side.unitIds ?? [];
      if (units.length === 0 || units.some((unitId) => !actor.unitIds.includes(unitId))) {
        refuse('Chỉ được tạo, sửa hoặc xóa hoạt động tại đơn vị hành chính được phân công');
      }
      if (side === before && side.resultStatus) {
        refuse('Hoạt động đã có kết quả báo cáo: liên hệ cơ quan chủ trì hoặc điều phối để sửa');
      }
    }
  }
  // Approval (đã duyệt) is the coordinators' word, not the organiser's.
  if (after?.status === 'confirmed' && before?.status !== 'confirmed') {
    refuse('Chỉ cơ quan điều phối mới được duyệt (xác nhận) hoạt động');
  }
}

/**
 * DESIGN §4: an agency editor logs results for activities their agency leads or joins; a
 * unit reporter for activities held in their units.
 */
export function assertMayWriteResult(
  actor: Actor | null,
  activity: { leadAgencyId: number; partnerAgencyIds: number[]; unitIds: number[] },
): void {
  if (actsProvinceWide(actor) || actor === null) return;
  if (actor.role === 'unit_reporter') {
    if (!activity.unitIds.some((unitId) => actor.unitIds.includes(unitId))) {
      refuse('Chỉ được báo cáo kết quả hoạt động tại đơn vị hành chính được phân công');
    }
    return;
  }
  const agencies = [activity.leadAgencyId, ...activity.partnerAgencyIds];
  if (actor.agencyId === null || !agencies.includes(actor.agencyId)) {
    refuse('Chỉ được báo cáo kết quả hoạt động do cơ quan mình chủ trì hoặc phối hợp');
  }
}

/** Agency editors run campaigns that their agency leads, and cannot hand them to another. */
export function assertMayWriteCampaign(
  actor: Actor | null,
  before: { leadAgencyId: number | null } | null,
  after: { leadAgencyId?: number | null | undefined },
): void {
  if (actsProvinceWide(actor) || actor === null) return;
  const leads = [before?.leadAgencyId, after.leadAgencyId].filter((id) => id !== undefined);
  if (leads.length === 0 || leads.some((id) => id !== actor.agencyId)) {
    refuse('Chỉ được tạo hoặc sửa chiến dịch do cơ quan của mình chủ trì');
  }
}

// DESIGN §4, the roles table, walked whole: each role × each write endpoint × own and
// other agency or unit. A cell answers the status the table gives, and:
// - a 2xx write stores something and leaves exactly one audit row of its kind, by that user;
// - a 2xx read changes nothing and leaves no audit row;
// - a 403 changes nothing and leaves exactly one `refused` audit row, by that user;
// - a 404 changes nothing and leaves no audit row.
// Every cell is run, and the test fails once, listing every cell that answered otherwise.
import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIV3_1 } from 'openapi-types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityInput } from '../../server/contracts/activities';
import type { Agency } from '../../server/contracts/agencies';
import type { Campaign } from '../../server/contracts/campaigns';
import type { ErrorBody } from '../../server/contracts/common';
import type { Plan } from '../../server/contracts/plans';
import type { Task } from '../../server/contracts/tasks';
import type { Unit } from '../../server/contracts/units';
import type { Role, User } from '../../server/contracts/users';
import { addDays } from '../../server/domain/time';
import {
  type AuditRow,
  auditRowsAfter,
  changedTables,
  createSignedInUser,
  createUser,
  daysFromToday,
  lastAuditId,
  snapshot,
  USER_PASSWORD,
} from '../helpers/accounts';
import { countRows, type Injector, testAppOfFile } from '../helpers/app';
import { agencyIdByCode, getJson, json, postActivity, unitIdByCode } from '../helpers/factories';

const ROLES: readonly Role[] = ['admin', 'coordinator', 'agency_editor', 'unit_reporter', 'viewer'];
/** Admins and coordinators act province-wide. */
const PROVINCE_WIDE: readonly Role[] = ['admin', 'coordinator'];
const ADMIN_ONLY: readonly Role[] = ['admin'];

/**
 * Whose record a cell touches, seen from the agency editor and the unit reporter (both of
 * CA_HUE, the reporter in one ward): their agency in the reporter's ward, another agency in
 * another ward, or their agency in another ward. `n/a` where a record has no owner.
 */
type Scope = 'own' | 'other' | 'own-agency-other-unit' | 'n/a';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** What a successful answer did: the audit action it must leave, or none for a read. */
type Effect = 'read' | 'create' | 'update' | 'delete' | 'restore';
type Expected = Record<Role, Partial<Record<Scope, number>>>;

type Actor = { role: Role; user: User; as: Injector };
type Prepared = {
  url: string;
  payload?: Record<string, unknown>;
  /** A body that is not JSON (a file upload), with its content type. */
  raw?: { payload: Buffer; headers: Record<string, string> };
  /** Problems with a successful answer's body; by default, the fields sent must come back. */
  check?: (body: unknown) => string[];
};
type Endpoint = {
  method: Method;
  /** As the OpenAPI document writes it. */
  route: string;
  effect: Effect;
  /** The audit action a success leaves when it is not the effect itself (a PUT that creates). */
  auditAction?: string;
  /** Audit rows a success leaves, when one write makes several records (activity and result). */
  auditRows?: number;
  expected: Expected;
  /** Makes what the cell needs (as the administrator) and says what to send. */
  prepare: (actor: Actor, scope: Scope) => Promise<Prepared>;
};
type Mismatch = {
  cell: string;
  expected: number;
  actual: number;
  problems: string[];
  body: unknown;
};

function perRole(rule: (role: Role) => Partial<Record<Scope, number>>): Expected {
  return {
    admin: rule('admin'),
    coordinator: rule('coordinator'),
    agency_editor: rule('agency_editor'),
    unit_reporter: rule('unit_reporter'),
    viewer: rule('viewer'),
  };
}

/** Allowed to the listed roles, refused (403) to the others. */
const allowedTo = (roles: readonly Role[], ok: number): Expected =>
  perRole((role) => ({ 'n/a': roles.includes(role) ? ok : 403 }));

/**
 * Activities (DESIGN §4): admins and coordinators any; an agency editor those their agency
 * leads; a unit reporter those their agency leads in their units; a viewer none.
 */
const activityRule = (ok: number): Expected =>
  perRole((role) => {
    switch (role) {
      case 'admin':
      case 'coordinator':
        return { own: ok, other: ok, 'own-agency-other-unit': ok };
      case 'agency_editor':
        return { own: ok, other: 403, 'own-agency-other-unit': ok };
      case 'unit_reporter':
        return { own: ok, other: 403, 'own-agency-other-unit': 403 };
      case 'viewer':
        return { own: 403, other: 403, 'own-agency-other-unit': 403 };
    }
  });

const bulkRule = perRole((role) => {
  const single = activityRule(201)[role];
  if (role === 'viewer') return single;
  return Object.fromEntries(
    Object.entries(single).map(([scope, status]) => [scope, status === 403 ? 400 : status]),
  ) as typeof single;
});

/** Restoring a deleted activity is the coordinators' (and admins') alone, whoever leads it. */
const restoreRule = perRole((role) =>
  PROVINCE_WIDE.includes(role) ? { own: 200, other: 200 } : { own: 403, other: 403 },
);

/**
 * Results (DESIGN §4): admins and coordinators any; an agency editor for activities their
 * agency leads or joins; a unit reporter for activities in their units; a viewer none.
 */
const resultRule = perRole((role) => {
  switch (role) {
    case 'admin':
    case 'coordinator':
      return { own: 200, other: 200, 'own-agency-other-unit': 200 };
    case 'agency_editor':
      return { own: 200, other: 403, 'own-agency-other-unit': 200 };
    case 'unit_reporter':
      return { own: 200, other: 403, 'own-agency-other-unit': 403 };
    case 'viewer':
      return { own: 403, other: 403, 'own-agency-other-unit': 403 };
  }
});

/** Campaigns: admins and coordinators any; an agency editor those their agency leads. */
const campaignRule = (ok: number): Expected =>
  perRole((role) => {
    if (PROVINCE_WIDE.includes(role)) return { own: ok, other: ok };
    if (role === 'agency_editor') return { own: ok, other: 403 };
    return { own: 403, other: 403 };
  });

/** Personal tokens: everyone their own; someone else's is as good as absent. */
const ownTokensRule = perRole(() => ({ own: 204, other: 404 }));

const t = testAppOfFile();
const actors = new Map<Role, Actor>();
let caHue: number;
let sgddt: number;
let hue: number;
let ownWard: number;
let otherWard: number;
let plan: Plan;
let task: Task;
let unit: Unit;
let agency: Agency;
let ownCampaign: Campaign;
let otherCampaign: Campaign;
/** A one-item kit led by the Police, for the kit routes. */
let matrixKit: { id: number };
/** An activity with a logged result, for the result read. */
let reviewed: Activity;
/** A user for the administrator's edits, so that no role user changes under the matrix. */
let patchedUser: User;

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

function actor(role: Role): Actor {
  const found = actors.get(role);
  if (!found) throw new Error(`no ${role} user`);
  return found;
}

/** The lead agency and units of an activity of each scope. */
function activityScope(scope: Scope): { leadAgencyId: number; unitIds: number[] } {
  switch (scope) {
    case 'own':
    case 'n/a':
      return { leadAgencyId: caHue, unitIds: [ownWard] };
    case 'other':
      return { leadAgencyId: sgddt, unitIds: [otherWard] };
    case 'own-agency-other-unit':
      return { leadAgencyId: caHue, unitIds: [otherWard] };
  }
}

function activityInput(scope: Scope, title: string): ActivityInput {
  return {
    title,
    typeCode: 'thematic_talk',
    channelCodes: ['direct'],
    start: '2025-09-15',
    targetGroupCodes: ['students_secondary'],
    expected: { attendances: 120 },
    venue: 'Nhà văn hóa',
    ...activityScope(scope),
  };
}

const newActivity = (scope: Scope) => postActivity(t.app, activityInput(scope, `Hoạt động mẫu ${next()}`));

/** A two-week series made by the administrator; the id of its first occurrence. */
async function newSeries(scope: Scope): Promise<number> {
  const payload = {
    ...activityInput(scope, `Chuỗi mẫu ${next()}`),
    recurrence: { freq: 'weekly', interval: 1, count: 2 },
  };
  const created = await adminWrite<{ items: { id: number }[] }>('POST', '/api/activities', payload);
  const first = created.items[0];
  if (!first) throw new Error('the series has no occurrence');
  return first.id;
}

/** A series edit answers the two occurrences it changed. */
function seriesUpdated(body: unknown): string[] {
  const updated = field(field(body, 'series'), 'updated');
  return Array.isArray(updated) && updated.length === 2
    ? []
    : ['the series edit did not change both occurrences'];
}

async function adminWrite<T>(method: Method, url: string, payload?: Record<string, unknown>): Promise<T> {
  const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}`);
  return json<T>(response);
}

/** A field of an object answer, or undefined. */
function field(body: unknown, key: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
}

const expectField = (body: unknown, key: string, value: unknown): string[] =>
  isDeepStrictEqual(field(body, key), value)
    ? []
    : [`${key} is ${JSON.stringify(field(body, key))}, expected ${JSON.stringify(value)}`];

/** Every field sent that the answer also names must come back as sent; at least one must. */
function echoes(payload: Record<string, unknown> | undefined, body: unknown): string[] {
  if (!payload) return [];
  const shared = Object.keys(payload).filter((key) => field(body, key) !== undefined);
  if (shared.length === 0) return ['the answer names none of the fields sent'];
  return shared.flatMap((key) => expectField(body, key, payload[key]));
}

const CATALOG_KINDS = [
  // Lists given: without them the create is a 500 (see 'what the walk found' below).
  {
    kind: 'activity-types',
    code: 'community_outreach',
    extra: { channelCodes: ['direct'], indicatorCodes: [] },
  },
  { kind: 'channels', code: 'direct', extra: { kind: 'direct' } },
  { kind: 'target-groups', code: 'general_public', extra: {} },
  { kind: 'indicators', code: 'sessions', extra: { unit: 'person', aggregation: 'sum' } },
  { kind: 'observances', code: 'law_day', extra: { month: 5, day: 15 } },
] as const;

/** Every signed-in user reads these (DESIGN §4). */
function everyoneReads(route: string, url: () => string, check?: (body: unknown) => string[]): Endpoint {
  return {
    method: 'GET',
    route,
    effect: 'read',
    expected: allowedTo(ROLES, 200),
    prepare: async () => ({ url: url(), ...(check ? { check } : {}) }),
  };
}

function endpoints(): Endpoint[] {
  const activityWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/activities',
      effect: 'create',
      expected: activityRule(201),
      prepare: async (who, scope) => {
        const payload = activityInput(scope, `Hoạt động ${next()} của ${who.role}`);
        return {
          url: '/api/activities',
          payload,
          check: (body) => [...echoes(payload, body), ...expectField(body, 'createdBy', who.user.id)],
        };
      },
    },
    {
      method: 'POST',
      route: '/api/activities/bulk',
      effect: 'create',
      // Each row is a single create, but a row out of scope is a refused row (400 naming it), not 403.
      expected: bulkRule,
      auditRows: 2,
      prepare: async (who, scope) => {
        const rows = [1, 2].map(() => activityInput(scope, `Hoạt động ${next()} của ${who.role}`));
        return {
          url: '/api/activities/bulk',
          payload: { items: rows },
          check: (body) => {
            const items = field(body, 'items');
            return Array.isArray(items) && items.length === 2
              ? []
              : ['the bulk answer does not list both rows'];
          },
        };
      },
    },
    {
      method: 'PATCH',
      route: '/api/activities/{id}',
      effect: 'update',
      expected: activityRule(200),
      prepare: async (_who, scope) => {
        const activity = await newActivity(scope);
        const payload = { venue: `Hội trường ${next()}` };
        return {
          url: `/api/activities/${activity.id}`,
          payload,
          check: (body) => [...echoes(payload, body), ...expectField(body, 'version', 2)],
        };
      },
    },
    {
      method: 'DELETE',
      route: '/api/activities/{id}',
      effect: 'delete',
      expected: activityRule(200),
      prepare: async (_who, scope) => {
        const activity = await newActivity(scope);
        return {
          url: `/api/activities/${activity.id}`,
          check: (body) =>
            typeof field(body, 'deletedAt') === 'string' ? [] : ['deletedAt is not set after DELETE'],
        };
      },
    },
    // Series (issue 12 point 3): the same rules as a single activity, for each occurrence.
    {
      method: 'POST',
      route: '/api/activities',
      effect: 'create',
      // The series row and its two occurrences.
      auditRows: 3,
      expected: activityRule(201),
      prepare: async (who, scope) => {
        const payload = {
          ...activityInput(scope, `Chuỗi ${next()} của ${who.role}`),
          recurrence: { freq: 'weekly', interval: 1, count: 2 },
        };
        return {
          url: '/api/activities',
          payload,
          check: (body) => {
            const items = field(body, 'items');
            return Array.isArray(items) && items.length === 2
              ? []
              : ['the series answer does not list two occurrences'];
          },
        };
      },
    },
    {
      method: 'PATCH',
      route: '/api/activities/{id}',
      effect: 'update',
      auditRows: 2,
      expected: activityRule(200),
      prepare: async (_who, scope) => {
        const id = await newSeries(scope);
        const payload = { venue: `Hội trường ${next()}` };
        return {
          url: `/api/activities/${id}?scope=all`,
          payload,
          check: (body) => [...echoes(payload, body), ...seriesUpdated(body)],
        };
      },
    },
    {
      method: 'DELETE',
      route: '/api/activities/{id}',
      effect: 'delete',
      auditRows: 2,
      expected: activityRule(200),
      prepare: async (_who, scope) => {
        const id = await newSeries(scope);
        return { url: `/api/activities/${id}?scope=following`, check: seriesUpdated };
      },
    },
    {
      method: 'POST',
      route: '/api/activities/{id}/restore',
      effect: 'restore',
      expected: restoreRule,
      prepare: async (_who, scope) => {
        const activity = await newActivity(scope);
        await adminWrite('DELETE', `/api/activities/${activity.id}`);
        return {
          url: `/api/activities/${activity.id}/restore`,
          check: (body) => [...expectField(body, 'deletedAt', null), ...expectField(body, 'id', activity.id)],
        };
      },
    },
  ];

  const campaignWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/campaigns',
      effect: 'create',
      expected: campaignRule(201),
      prepare: async (who, scope) => ({
        url: '/api/campaigns',
        payload: {
          name: `Chiến dịch ${next()} của ${who.role}`,
          startDate: '2025-09-01',
          endDate: '2025-09-30',
          leadAgencyId: scope === 'own' ? caHue : sgddt,
        },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/campaigns/{id}',
      effect: 'update',
      expected: campaignRule(200),
      prepare: async (_who, scope) => ({
        url: `/api/campaigns/${(scope === 'own' ? ownCampaign : otherCampaign).id}`,
        payload: { name: `Chiến dịch đổi tên ${next()}` },
      }),
    },
    {
      method: 'DELETE',
      route: '/api/campaigns/{id}',
      effect: 'delete',
      expected: campaignRule(200),
      prepare: async (_who, scope) => {
        const campaign = await adminWrite<Campaign>('POST', '/api/campaigns', {
          name: `Chiến dịch tạo nhầm ${next()}`,
          startDate: '2025-10-01',
          endDate: '2025-10-31',
          leadAgencyId: scope === 'own' ? caHue : sgddt,
        });
        return {
          url: `/api/campaigns/${campaign.id}`,
          check: (body) =>
            typeof field(body, 'deletedAt') === 'string' ? [] : ['deletedAt is not set after DELETE'],
        };
      },
    },
  ];

  const kitBody = (code: string) => ({
    code,
    name: `Bộ mẫu ${code}`,
    anchor: { month: 11, day: 9 },
    items: [
      {
        offsetDays: 0,
        durationDays: 1,
        title: 'Hội nghị phổ biến pháp luật',
        typeCode: 'conference',
        channelCodes: ['direct'],
        targetGroupCodes: ['officials'],
        lead: { agencyId: caHue },
        expected: { attendances: 100 },
      },
    ],
  });
  const applyBody = { year: 2032, agencyIds: [], unitIds: [] };
  // Kits are the coordinators' (and admins'): everyone reads them; applying one writes the
  // campaign, its activity and the application, one audit row each.
  const kitWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/kits',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({ url: '/api/kits', payload: kitBody(`matrix_kit_${next()}`) }),
    },
    {
      method: 'PATCH',
      route: '/api/kits/{id}',
      effect: 'update',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({ url: `/api/kits/${matrixKit.id}`, payload: { name: `Bộ mẫu sửa ${next()}` } }),
    },
    {
      method: 'DELETE',
      route: '/api/kits/{id}',
      effect: 'delete',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const kit = await adminWrite<{ id: number }>('POST', '/api/kits', kitBody(`matrix_kit_${next()}`));
        return { url: `/api/kits/${kit.id}` };
      },
    },
    {
      method: 'POST',
      route: '/api/kits/{id}/preview',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: `/api/kits/${matrixKit.id}/preview`,
        payload: applyBody,
        check: (body) => {
          const activities = field(body, 'activities');
          return Array.isArray(activities) && activities.length === 1
            ? []
            : ['the preview does not list one activity'];
        },
      }),
    },
    {
      method: 'POST',
      route: '/api/kits/{id}/apply',
      effect: 'create',
      auditRows: 3,
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: `/api/kits/${matrixKit.id}/apply`,
        payload: applyBody,
        check: (body) => {
          const ids = field(body, 'activityIds');
          return Array.isArray(ids) && ids.length === 1 ? [] : ['the answer does not list one activity'];
        },
      }),
    },
    {
      method: 'DELETE',
      route: '/api/kit-applications/{id}',
      effect: 'delete',
      // Its activity, the campaign it created and the application itself.
      auditRows: 3,
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const applied = await adminWrite<{ applicationId: number }>(
          'POST',
          `/api/kits/${matrixKit.id}/apply`,
          applyBody,
        );
        return {
          url: `/api/kit-applications/${applied.applicationId}`,
          check: (body) =>
            typeof field(body, 'undoneAt') === 'string' ? [] : ['undoneAt is not set after DELETE'],
        };
      },
    },
  ];

  const planWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/plans',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: '/api/plans',
        payload: { title: `Kế hoạch ${next()}`, year: 2031, startDate: '2031-01-01', endDate: '2031-12-31' },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/plans/{id}',
      effect: 'update',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({ url: `/api/plans/${plan.id}`, payload: { title: `Kế hoạch sửa ${next()}` } }),
    },
    {
      method: 'POST',
      route: '/api/plans/{id}/tasks',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: `/api/plans/${plan.id}/tasks`,
        payload: { code: `M${next()}`, title: 'Nhiệm vụ thử' },
      }),
    },
    {
      // The preview of a copy: allowed to the planners, and it stores nothing.
      method: 'POST',
      route: '/api/plans/{id}/copy',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: `/api/plans/${plan.id}/copy`,
        payload: { year: 2031 },
        check: (body) => expectField(body, 'created', false),
      }),
    },
    {
      method: 'PATCH',
      route: '/api/tasks/{id}',
      effect: 'update',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({ url: `/api/tasks/${task.id}`, payload: { title: `Nhiệm vụ sửa ${next()}` } }),
    },
  ];

  const referenceWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/units',
      effect: 'create',
      expected: allowedTo(ADMIN_ONLY, 201),
      prepare: async () => ({
        url: '/api/units',
        payload: {
          code: `MATRIX_UNIT_${next()}`,
          name: 'Phường Ma Trận',
          level: 'ward',
          parentId: hue,
          validFrom: '2025-07-01',
        },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/units/{id}',
      effect: 'update',
      expected: allowedTo(ADMIN_ONLY, 200),
      prepare: async () => ({ url: `/api/units/${unit.id}`, payload: { name: `Phường Sửa ${next()}` } }),
    },
    {
      method: 'POST',
      route: '/api/unit-successions',
      effect: 'create',
      expected: allowedTo(ADMIN_ONLY, 201),
      prepare: async () => ({
        url: '/api/unit-successions',
        payload: {
          fromUnitId: unit.id,
          toUnitId: otherWard,
          date: addDays('2030-01-01', next()),
          kind: 'rename',
        },
      }),
    },
    {
      method: 'POST',
      route: '/api/agencies',
      effect: 'create',
      expected: allowedTo(ADMIN_ONLY, 201),
      prepare: async () => ({
        url: '/api/agencies',
        payload: { code: `MATRIX_AGENCY_${next()}`, name: 'Cơ quan Ma Trận', kind: 'department' },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/agencies/{id}',
      effect: 'update',
      expected: allowedTo(ADMIN_ONLY, 200),
      prepare: async () => ({
        url: `/api/agencies/${agency.id}`,
        payload: { name: `Cơ quan Sửa ${next()}` },
      }),
    },
  ];

  const catalogWrites: Endpoint[] = CATALOG_KINDS.flatMap(({ kind, code, extra }): Endpoint[] => [
    {
      method: 'POST',
      route: `/api/catalog/${kind}`,
      effect: 'create',
      expected: allowedTo(ADMIN_ONLY, 201),
      prepare: async () => ({
        url: `/api/catalog/${kind}`,
        payload: { code: `matrix_${kind.replace('-', '_')}_${next()}`, name: 'Mục thử', ...extra },
      }),
    },
    {
      method: 'PATCH',
      route: `/api/catalog/${kind}/{code}`,
      effect: 'update',
      expected: allowedTo(ADMIN_ONLY, 200),
      prepare: async () => ({ url: `/api/catalog/${kind}/${code}`, payload: { name: `Tên sửa ${next()}` } }),
    },
  ]);
  catalogWrites.push({
    method: 'PUT',
    route: '/api/catalog/observances/{code}/themes/{year}',
    effect: 'update',
    auditAction: 'create',
    expected: allowedTo(ADMIN_ONLY, 200),
    prepare: async () => {
      // Only the administrator's cell stores it, so the theme of this year is new then.
      const year = 2050;
      return {
        url: `/api/catalog/observances/law_day/themes/${year}`,
        payload: { theme: `Chủ đề năm ${year}` },
        check: (body) => [
          ...expectField(body, 'year', year),
          ...expectField(body, 'theme', `Chủ đề năm ${year}`),
        ],
      };
    },
  });

  const userEndpoints: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/users',
      effect: 'create',
      expected: allowedTo(ADMIN_ONLY, 201),
      prepare: async () => {
        const payload = { username: `matrix_user_${next()}`, displayName: 'Người Mới', role: 'viewer' };
        return {
          url: '/api/users',
          payload: { ...payload, password: USER_PASSWORD },
          check: (body) => [
            ...echoes(payload, body),
            ...(JSON.stringify(body).includes(USER_PASSWORD) ? ['the password came back'] : []),
            ...(field(body, 'passwordHash') === undefined ? [] : ['the password hash came back']),
          ],
        };
      },
    },
    {
      method: 'PATCH',
      route: '/api/users/{id}',
      effect: 'update',
      expected: allowedTo(ADMIN_ONLY, 200),
      prepare: async () => ({
        url: `/api/users/${patchedUser.id}`,
        payload: { displayName: `Tên hiển thị ${next()}` },
      }),
    },
    {
      method: 'GET',
      route: '/api/users',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: '/api/users?limit=1000',
        check: (body) => {
          const listed = ((field(body, 'items') as User[] | undefined) ?? []).map((user) => user.username);
          const missing = ROLES.map((role) => actor(role).user.username).filter(
            (name) => !listed.includes(name),
          );
          return missing.length === 0 ? [] : [`users missing from the list: ${missing.join(', ')}`];
        },
      }),
    },
    {
      method: 'GET',
      route: '/api/users/{id}',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: `/api/users/${actor('unit_reporter').user.id}`,
        check: (body) => [
          ...expectField(body, 'role', 'unit_reporter'),
          ...expectField(body, 'unitIds', [ownWard]),
        ],
      }),
    },
    {
      method: 'GET',
      route: '/api/audit',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: '/api/audit?limit=5',
        check: (body) => (Number(field(body, 'total')) > 0 ? [] : ['the audit list is empty']),
      }),
    },
  ];

  const shareLinkEndpoints: Endpoint[] = [
    {
      method: 'GET',
      route: '/api/share-links',
      effect: 'read',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => ({
        url: '/api/share-links',
        check: (body) => (Array.isArray(field(body, 'items')) ? [] : ['no items']),
      }),
    },
    {
      method: 'POST',
      route: '/api/share-links',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: '/api/share-links',
        payload: { note: `Liên kết ${next()}`, filter: { agencyId: caHue }, expiresOn: daysFromToday(30) },
        check: (body) => [
          ...expectField(body, 'filter', { agencyId: caHue }),
          ...(typeof field(body, 'secret') === 'string' ? [] : ['no secret in the answer']),
        ],
      }),
    },
    {
      method: 'DELETE',
      route: '/api/share-links/{id}',
      effect: 'delete',
      expected: allowedTo(PROVINCE_WIDE, 204),
      prepare: async () => {
        const link = await adminWrite<{ id: number }>('POST', '/api/share-links', {
          filter: { agencyId: sgddt },
          expiresOn: daysFromToday(10),
        });
        return { url: `/api/share-links/${link.id}` };
      },
    },
  ];

  const tokenEndpoints: Endpoint[] = [
    {
      method: 'GET',
      route: '/api/me/tokens',
      effect: 'read',
      expected: perRole(() => ({ own: 200 })),
      prepare: async (who) => ({
        url: '/api/me/tokens',
        check: (body) => {
          const listed = ((field(body, 'items') as { id: number }[] | undefined) ?? []).map(
            (token) => token.id,
          );
          const stored = (
            t.db.$client
              .prepare('select id from api_tokens where user_id = ? order by id')
              .all(who.user.id) as { id: number }[]
          ).map((row) => row.id);
          return isDeepStrictEqual(listed, stored)
            ? []
            : [`listed tokens ${JSON.stringify(listed)}, the user's own are ${JSON.stringify(stored)}`];
        },
      }),
    },
    {
      method: 'POST',
      route: '/api/me/tokens',
      effect: 'create',
      expected: perRole(() => ({ own: 201 })),
      prepare: async (who) => ({
        url: '/api/me/tokens',
        payload: { kind: 'api', name: `Mã của ${who.role} ${next()}` },
        check: (body) => {
          const owner = t.db.$client
            .prepare('select user_id from api_tokens where id = ?')
            .get(field(body, 'id')) as { user_id: number } | undefined;
          return [
            ...(typeof field(body, 'secret') === 'string' ? [] : ['no secret in the answer']),
            ...(owner?.user_id === who.user.id ? [] : [`the token belongs to user ${owner?.user_id}`]),
          ];
        },
      }),
    },
    {
      method: 'DELETE',
      route: '/api/me/tokens/{id}',
      effect: 'delete',
      expected: ownTokensRule,
      prepare: async (who, scope) => {
        const owner = scope === 'own' ? who : actor(who.role === 'admin' ? 'viewer' : 'admin');
        const response = await owner.as.inject({
          method: 'POST',
          url: '/api/me/tokens',
          payload: { name: `Mã để thu hồi ${next()}` },
        });
        const token = json<{ id: number }>(response);
        return { url: `/api/me/tokens/${token.id}` };
      },
    },
  ];

  const reads: Endpoint[] = [
    everyoneReads('/api/auth/me', () => '/api/auth/me'),
    everyoneReads('/api/activities', () => '/api/activities?start=2025-09-01&end=2025-10-01'),
    everyoneReads('/api/campaigns', () => '/api/campaigns'),
    everyoneReads('/api/campaigns/{id}', () => `/api/campaigns/${otherCampaign.id}`),
    everyoneReads('/api/kits', () => '/api/kits'),
    everyoneReads('/api/kits/{id}', () => `/api/kits/${matrixKit.id}`),
    everyoneReads('/api/kit-applications', () => `/api/kit-applications?kitId=${matrixKit.id}`),
    everyoneReads('/api/plans', () => '/api/plans'),
    everyoneReads('/api/plans/{id}', () => `/api/plans/${plan.id}`),
    everyoneReads('/api/plans/{id}/tasks', () => `/api/plans/${plan.id}/tasks`),
    everyoneReads('/api/tasks/{id}', () => `/api/tasks/${task.id}`),
    everyoneReads('/api/catalog', () => '/api/catalog'),
    everyoneReads('/api/units', () => '/api/units'),
    everyoneReads('/api/units/{id}', () => `/api/units/${ownWard}`),
    everyoneReads('/api/unit-successions', () => '/api/unit-successions'),
    everyoneReads('/api/agencies', () => '/api/agencies'),
    everyoneReads('/api/agencies/{id}', () => `/api/agencies/${sgddt}`),
    everyoneReads('/api/activities/{id}/result', () => `/api/activities/${reviewed.id}/result`),
    everyoneReads('/api/period-locks', () => '/api/period-locks'),
    everyoneReads('/api/calendar-marks', () => '/api/calendar-marks'),
    everyoneReads('/api/planning-hints', () => '/api/planning-hints?startDate=2025-06-01&endDate=2025-06-02'),
    everyoneReads('/api/activities/{id}/attachments', () => `/api/activities/${reviewed.id}/attachments`),
  ];

  // A held activity (already done, so that logging its result changes the result alone).
  const heldActivity = (scope: Scope) =>
    postActivity(t.app, { ...activityInput(scope, `Hoạt động đã tổ chức ${next()}`), status: 'done' });
  // The smallest file the server takes: a PDF, recognised by its content.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  const boundary = 'matrix-boundary';
  const upload = {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
  const resultEndpoints: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/activities/{id}/attachments',
      effect: 'create',
      expected: perRole((role) => {
        const ok = resultRule[role];
        return Object.fromEntries(
          Object.entries(ok).map(([scope, status]) => [scope, status === 200 ? 201 : status]),
        );
      }),
      prepare: async (_who, scope) => {
        const activity = await heldActivity(scope);
        return {
          url: `/api/activities/${activity.id}/attachments`,
          raw: upload,
          check: (body) => [
            ...expectField(body, 'fileName', 'bien-ban.pdf'),
            ...expectField(body, 'activityId', activity.id),
          ],
        };
      },
    },
    {
      method: 'DELETE',
      route: '/api/attachments/{id}',
      effect: 'delete',
      expected: resultRule,
      prepare: async (_who, scope) => {
        const activity = await heldActivity(scope);
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/activities/${activity.id}/attachments`,
          ...upload,
        });
        const attachment = json<{ id: number }>(response);
        return {
          url: `/api/attachments/${attachment.id}`,
          check: (body) => expectField(body, 'id', attachment.id),
        };
      },
    },
    {
      method: 'PUT',
      route: '/api/activities/{id}/result',
      effect: 'update',
      auditAction: 'create',
      expected: resultRule,
      prepare: async (_who, scope) => {
        const activity = await heldActivity(scope);
        return {
          url: `/api/activities/${activity.id}/result`,
          payload: { values: { attendances: 100 }, notes: 'Tổ chức đúng kế hoạch' },
          check: (body) => [
            ...expectField(body, 'values', { attendances: 100 }),
            ...expectField(body, 'reviewStatus', 'submitted'),
          ],
        };
      },
    },
    {
      method: 'POST',
      route: '/api/activities/held',
      effect: 'create',
      auditRows: 2,
      expected: activityRule(201),
      prepare: async (who, scope) => {
        const activity = {
          ...activityInput(scope, `Hoạt động phát sinh ${next()} của ${who.role}`),
          start: '2025-09-16',
        };
        return {
          url: '/api/activities/held',
          payload: { activity, result: { values: { attendances: 95 } } },
          check: (body) => [
            ...expectField(field(body, 'activity'), 'status', 'done'),
            ...expectField(field(body, 'activity'), 'resultStatus', 'submitted'),
            ...expectField(field(body, 'result'), 'values', { attendances: 95 }),
          ],
        };
      },
    },
    {
      method: 'POST',
      route: '/api/activities/{id}/result/review',
      effect: 'update',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const activity = await heldActivity('own');
        await adminWrite('PUT', `/api/activities/${activity.id}/result`, { values: { attendances: 90 } });
        return {
          url: `/api/activities/${activity.id}/result/review`,
          payload: { decision: 'return', note: 'Thiếu số lượt nữ tham dự' },
          check: (body) => [
            ...expectField(body, 'reviewStatus', 'returned'),
            ...expectField(body, 'reviewNote', 'Thiếu số lượt nữ tham dự'),
          ],
        };
      },
    },
    {
      method: 'POST',
      route: '/api/period-locks',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: '/api/period-locks',
        payload: { startDate: '2090-01-01', endDate: '2090-06-30', note: `Khóa ${next()}` },
      }),
    },
    {
      method: 'DELETE',
      route: '/api/period-locks/{id}',
      effect: 'delete',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const lock = await adminWrite<{ id: number }>('POST', '/api/period-locks', {
          startDate: '2091-01-01',
          endDate: '2091-06-30',
        });
        return {
          url: `/api/period-locks/${lock.id}`,
          check: (body) =>
            typeof field(body, 'unlockedAt') === 'string' ? [] : ['unlockedAt is not set after DELETE'],
        };
      },
    },
    {
      method: 'POST',
      route: '/api/calendar-marks',
      effect: 'create',
      expected: allowedTo(PROVINCE_WIDE, 201),
      prepare: async () => ({
        url: '/api/calendar-marks',
        payload: { kind: 'exam', name: `Thi ${next()}`, startDate: '2090-06-01', endDate: '2090-06-03' },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/calendar-marks/{id}',
      effect: 'update',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const mark = await adminWrite<{ id: number }>('POST', '/api/calendar-marks', {
          kind: 'festival',
          name: `Lễ hội ${next()}`,
          startDate: '2090-02-01',
          endDate: '2090-02-03',
        });
        const payload = { name: `Lễ hội đổi tên ${next()}` };
        return { url: `/api/calendar-marks/${mark.id}`, payload, check: (body) => echoes(payload, body) };
      },
    },
    {
      method: 'DELETE',
      route: '/api/calendar-marks/{id}',
      effect: 'delete',
      expected: allowedTo(PROVINCE_WIDE, 200),
      prepare: async () => {
        const mark = await adminWrite<{ id: number }>('POST', '/api/calendar-marks', {
          kind: 'festival',
          name: `Lễ hội ${next()}`,
          startDate: '2090-03-01',
          endDate: '2090-03-03',
        });
        return {
          url: `/api/calendar-marks/${mark.id}`,
          check: (body) =>
            typeof field(body, 'deletedAt') === 'string' ? [] : ['deletedAt is not set after DELETE'],
        };
      },
    },
  ];

  /** A draft report of the agency's own (own) or another agency's (other), made by the administrator. */
  const reportOf = (scope: Scope) =>
    adminWrite<{ id: number; version: number }>('POST', '/api/reports', {
      startDate: '2025-07-01',
      endDate: '2025-12-31',
      agencyId: scope === 'own' ? caHue : sgddt,
      number: String(next()),
      signer: { authority: 'GIÁM ĐỐC', title: '', rank: '', name: 'Nguyễn Văn A' },
    });
  const reportWrites: Endpoint[] = [
    {
      method: 'POST',
      route: '/api/reports',
      effect: 'create',
      expected: campaignRule(201),
      prepare: async (_who, scope) => ({
        url: '/api/reports',
        payload: {
          startDate: '2025-07-01',
          endDate: '2025-12-31',
          agencyId: scope === 'own' ? caHue : sgddt,
        },
      }),
    },
    {
      method: 'PATCH',
      route: '/api/reports/{id}',
      effect: 'update',
      expected: campaignRule(200),
      prepare: async (_who, scope) => ({
        url: `/api/reports/${(await reportOf(scope)).id}`,
        payload: { subject: `Báo cáo ${next()}` },
      }),
    },
    {
      method: 'DELETE',
      route: '/api/reports/{id}',
      effect: 'delete',
      expected: campaignRule(204),
      prepare: async (_who, scope) => ({ url: `/api/reports/${(await reportOf(scope)).id}` }),
    },
    {
      method: 'POST',
      route: '/api/reports/{id}/recompute',
      effect: 'update',
      expected: campaignRule(200),
      prepare: async (_who, scope) => ({
        url: `/api/reports/${(await reportOf(scope)).id}/recompute`,
        payload: {},
        check: (body) => (typeof field(body, 'computedAt') === 'string' ? [] : ['no computedAt']),
      }),
    },
    {
      method: 'POST',
      route: '/api/reports/{id}/issue',
      effect: 'update',
      expected: campaignRule(200),
      prepare: async (_who, scope) => ({
        url: `/api/reports/${(await reportOf(scope)).id}/issue`,
        payload: {},
        check: (body) => expectField(body, 'status', 'issued'),
      }),
    },
  ];

  // Imports: whoever writes activities brings a sheet in; a preview is its maker's (and the
  // province-wide roles'), so another agency's editor is told it does not exist.
  const WRITERS: readonly Role[] = ['admin', 'coordinator', 'agency_editor', 'unit_reporter'];
  const ownersOnly = (ok: number) =>
    perRole((role) => ({
      'n/a': PROVINCE_WIDE.includes(role) ? ok : role === 'viewer' ? 403 : 404,
    }));
  const sheet = () => {
    const csv = Buffer.from(
      `Tên hoạt động;Loại hình;Ngày bắt đầu;Cơ quan chủ trì\nMa trận nhập ${next()};Nói chuyện chuyên đề;20/3/2030;Công an thành phố Huế\n`,
    );
    const edge = 'matrix-import';
    return {
      payload: Buffer.concat([
        Buffer.from(`--${edge}\r\nContent-Disposition: form-data; name="file"; filename="nhap.csv"\r\n\r\n`),
        csv,
        Buffer.from(`\r\n--${edge}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${edge}` },
    };
  };
  const adminImport = async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/imports', ...sheet() });
    if (response.statusCode !== 201) throw new Error(`POST /api/imports answered ${response.statusCode}`);
    return json<{ id: number }>(response);
  };
  const importEndpoints: Endpoint[] = [
    everyoneReads(
      '/api/imports/template',
      () => '/api/imports/template',
      () => [],
    ),
    {
      method: 'POST',
      route: '/api/imports',
      effect: 'create',
      expected: allowedTo(WRITERS, 201),
      prepare: async () => ({
        url: '/api/imports',
        raw: sheet(),
        check: (body) => expectField(body, 'fileName', 'nhap.csv'),
      }),
    },
    {
      method: 'GET',
      route: '/api/imports/{id}',
      effect: 'read',
      expected: ownersOnly(200),
      prepare: async () => {
        const made = await adminImport();
        return { url: `/api/imports/${made.id}`, check: (body) => expectField(body, 'id', made.id) };
      },
    },
    {
      method: 'PATCH',
      route: '/api/imports/{id}',
      effect: 'update',
      expected: ownersOnly(200),
      prepare: async () => {
        const made = await adminImport();
        return {
          url: `/api/imports/${made.id}`,
          payload: { drop: [0] },
          check: (body) => expectField(field(body, 'counts'), 'dropped', 1),
        };
      },
    },
    {
      method: 'POST',
      route: '/api/imports/{id}/commit',
      effect: 'create',
      // The activity's own create row, then the import's.
      auditRows: 2,
      expected: ownersOnly(200),
      prepare: async () => {
        const made = await adminImport();
        return { url: `/api/imports/${made.id}/commit`, check: (body) => expectField(body, 'created', 1) };
      },
    },
    {
      method: 'DELETE',
      route: '/api/imports/{id}',
      effect: 'delete',
      expected: ownersOnly(200),
      prepare: async () => {
        const made = await adminImport();
        return { url: `/api/imports/${made.id}`, check: (body) => expectField(body, 'status', 'discarded') };
      },
    },
  ];

  return [
    ...activityWrites,
    ...importEndpoints,
    ...campaignWrites,
    ...kitWrites,
    ...reportWrites,
    ...planWrites,
    ...referenceWrites,
    ...catalogWrites,
    ...userEndpoints,
    ...shareLinkEndpoints,
    ...tokenEndpoints,
    ...resultEndpoints,
    ...reads,
  ];
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const describeRows = (rows: AuditRow[]) =>
  rows.map((row) => `${row.action} ${row.entity_type} by ${row.actor_id}`);

/** Runs one cell and says what is wrong with its answer, if anything. */
async function runCell(
  endpoint: Endpoint,
  who: Actor,
  scope: Scope,
  expected: number,
): Promise<Mismatch | null> {
  const cell = `${endpoint.method} ${endpoint.route} as ${who.role} (${scope})`;
  const prepared = await endpoint.prepare(who, scope);
  const before = snapshot(t.db);
  const auditFrom = lastAuditId(t.db);
  const response = await who.as.inject({
    method: endpoint.method,
    url: prepared.url,
    ...(prepared.payload ? { payload: prepared.payload } : {}),
    ...(prepared.raw ?? {}),
  });
  const changed = changedTables(before, snapshot(t.db));
  const rows = auditRowsAfter(t.db, auditFrom);
  const body = parseBody(response.body);
  const problems: string[] = [];

  if (response.statusCode === expected) {
    if (expected < 300 && endpoint.effect === 'read') {
      if (changed.length > 0) problems.push(`a read changed ${changed.join(', ')}`);
      if (rows.length > 0) problems.push(`a read left audit rows: ${describeRows(rows).join('; ')}`);
    } else if (expected < 300) {
      const action = endpoint.auditAction ?? endpoint.effect;
      if (changed.length === 0) problems.push('a successful write stored nothing');
      const [row] = rows;
      const byActor = rows.every((entry) => entry.actor_id === who.user.id);
      if (rows.length !== (endpoint.auditRows ?? 1) || row?.action !== action || !byActor) {
        problems.push(
          `expected one "${action}" audit row by ${who.user.id}, got ${JSON.stringify(describeRows(rows))}`,
        );
      }
    } else {
      const code = expected === 403 ? 'FORBIDDEN' : expected === 400 ? 'VALIDATION_FAILED' : 'NOT_FOUND';
      if (field(body, 'code') !== code)
        problems.push(`code ${String(field(body, 'code'))}, expected ${code}`);
      if (changed.length > 0) problems.push(`a refused request changed ${changed.join(', ')}`);
      const refusals = expected === 403 ? 1 : 0;
      const refusedBy = rows.filter((row) => row.action === 'refused' && row.actor_id === who.user.id);
      if (rows.length !== refusals || refusedBy.length !== refusals) {
        problems.push(
          `expected ${refusals} "refused" audit row(s), got ${JSON.stringify(describeRows(rows))}`,
        );
      }
    }
    if (expected < 300) {
      problems.push(...(prepared.check ? prepared.check(body) : echoes(prepared.payload, body)));
    }
  }
  if (response.statusCode !== expected || problems.length > 0) {
    return { cell, expected, actual: response.statusCode, problems, body };
  }
  return null;
}

beforeAll(async () => {
  caHue = await agencyIdByCode(t.app, 'CA_HUE');
  sgddt = await agencyIdByCode(t.app, 'SGDDT');
  hue = await unitIdByCode(t.app, 'HUE');
  ownWard = await unitIdByCode(t.app, 'HUE_P_PHONG_DIEN');
  otherWard = await unitIdByCode(t.app, 'HUE_P_PHONG_THAI');

  const me = await getJson<{ user: User }>(t.app, '/api/auth/me');
  actors.set('admin', { role: 'admin', user: me.user, as: t.app });
  const made = await Promise.all([
    createSignedInUser(t, { username: 'dieu.phoi', role: 'coordinator' }),
    createSignedInUser(t, { username: 'bien.tap', role: 'agency_editor', agencyId: caHue }),
    createSignedInUser(t, {
      username: 'bao.cao',
      role: 'unit_reporter',
      agencyId: caHue,
      unitIds: [ownWard],
    }),
    createSignedInUser(t, { username: 'nguoi.xem', role: 'viewer' }),
  ]);
  for (const { user, as } of made) actors.set(user.role, { role: user.role, user, as });
  patchedUser = await createUser(t.app, { username: 'nguoi.duoc.sua', role: 'viewer' });

  plan = await adminWrite<Plan>('POST', '/api/plans', {
    title: 'Kế hoạch ma trận quyền',
    year: 2030,
    startDate: '2030-01-01',
    endDate: '2030-12-31',
  });
  task = await adminWrite<Task>('POST', `/api/plans/${plan.id}/tasks`, { code: '1.1', title: 'Nhiệm vụ' });
  unit = await adminWrite<Unit>('POST', '/api/units', {
    code: 'MATRIX_WARD',
    name: 'Phường Ma Trận',
    level: 'ward',
    parentId: hue,
    validFrom: '2025-07-01',
  });
  agency = await adminWrite<Agency>('POST', '/api/agencies', {
    code: 'MATRIX_DEPT',
    name: 'Sở Ma Trận',
    kind: 'department',
  });
  const campaign = (name: string, leadAgencyId: number) =>
    adminWrite<Campaign>('POST', '/api/campaigns', {
      name,
      startDate: '2025-09-01',
      endDate: '2025-09-30',
      leadAgencyId,
    });
  ownCampaign = await campaign('Chiến dịch của Công an', caHue);
  otherCampaign = await campaign('Chiến dịch của Sở Giáo dục', sgddt);
  matrixKit = await adminWrite<{ id: number }>('POST', '/api/kits', {
    code: 'matrix_kit',
    name: 'Bộ mẫu ma trận quyền',
    anchor: { month: 11, day: 9 },
    items: [
      {
        offsetDays: 0,
        durationDays: 1,
        title: 'Hội nghị phổ biến pháp luật',
        typeCode: 'conference',
        channelCodes: ['direct'],
        targetGroupCodes: ['officials'],
        lead: { agencyId: caHue },
        expected: { attendances: 100 },
      },
    ],
  });
  reviewed = await postActivity(t.app, { ...activityInput('own', 'Hoạt động có kết quả'), status: 'done' });
  await adminWrite('PUT', `/api/activities/${reviewed.id}/result`, { values: { attendances: 80 } });
});

describe('the role matrix of DESIGN §4', () => {
  it('covers every write route of the OpenAPI document', async () => {
    const doc = json<OpenAPIV3_1.Document>(
      await t.server.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    const covered = new Set(endpoints().map((endpoint) => `${endpoint.method} ${endpoint.route}`));
    const writes = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const signInOut = ['POST /api/auth/login', 'POST /api/auth/logout'];
    const uncovered = writes.filter((write) => !covered.has(write) && !signInOut.includes(write));
    expect(writes.length).toBeGreaterThan(25);
    expect(uncovered).toEqual([]);
  });

  it('answers every cell (role × endpoint × own / other) as DESIGN §4 says', {
    timeout: 180_000,
  }, async () => {
    const mismatches: Mismatch[] = [];
    const tally = { cells: 0, allowed: 0, refused: 0 };
    for (const endpoint of endpoints()) {
      for (const role of ROLES) {
        for (const [scope, expected] of Object.entries(endpoint.expected[role]) as [Scope, number][]) {
          tally.cells += 1;
          if (expected < 300) tally.allowed += 1;
          else tally.refused += 1;
          const mismatch = await runCell(endpoint, actor(role), scope, expected);
          if (mismatch) mismatches.push(mismatch);
        }
      }
    }
    if (mismatches.length > 0) console.error(JSON.stringify(mismatches, null, 2));
    expect(mismatches).toEqual([]);
    // The walk really ran: both answers occur, for many cells.
    expect(tally.cells).toBeGreaterThan(200);
    expect(tally.allowed).toBeGreaterThan(80);
    expect(tally.refused).toBeGreaterThan(80);
  });
});

describe('rules beyond the route permission', () => {
  async function readActivity(id: number): Promise<Activity> {
    return getJson<Activity>(t.app, `/api/activities/${id}`);
  }

  it('never lets a user raise their own role', async () => {
    for (const role of ['coordinator', 'agency_editor', 'unit_reporter', 'viewer'] as const) {
      const who = actor(role);
      const response = await who.as.inject({
        method: 'PATCH',
        url: `/api/users/${who.user.id}`,
        payload: { role: 'admin' },
      });
      expect(response.statusCode, role).toBe(403);
      expect(json<ErrorBody>(response).code).toBe('FORBIDDEN');
      expect(json<User>(await t.app.inject({ method: 'GET', url: `/api/users/${who.user.id}` })).role).toBe(
        role,
      );
    }
    // An administrator cannot change their own role (nor lock themselves out) either.
    const admin = actor('admin');
    for (const payload of [{ role: 'coordinator' }, { role: 'viewer' }, { disabled: true }]) {
      const response = await t.app.inject({ method: 'PATCH', url: `/api/users/${admin.user.id}`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(403);
    }
    const stored = json<User>(await t.app.inject({ method: 'GET', url: `/api/users/${admin.user.id}` }));
    expect(stored).toMatchObject({ role: 'admin', disabled: false, version: admin.user.version });
  });

  it('never lets an agency editor or a unit reporter hand an activity to another agency', async () => {
    for (const role of ['agency_editor', 'unit_reporter'] as const) {
      const activity = await newActivity('own');
      const response = await actor(role).as.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { leadAgencyId: sgddt },
      });
      expect(response.statusCode, role).toBe(403);
      expect(json<ErrorBody>(response).code).toBe('FORBIDDEN');
      expect(await readActivity(activity.id)).toEqual(activity);
    }
    // A coordinator may.
    const activity = await newActivity('own');
    const moved = await actor('coordinator').as.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { leadAgencyId: sgddt },
    });
    expect(moved.statusCode).toBe(200);
    expect((await readActivity(activity.id)).leadAgencyId).toBe(sgddt);
  });

  it('never lets an agency editor hand a campaign to another agency', async () => {
    const before = await getJson<Campaign>(t.app, `/api/campaigns/${ownCampaign.id}`);
    const response = await actor('agency_editor').as.inject({
      method: 'PATCH',
      url: `/api/campaigns/${ownCampaign.id}`,
      payload: { leadAgencyId: sgddt },
    });
    expect(response.statusCode).toBe(403);
    expect(await getJson<Campaign>(t.app, `/api/campaigns/${ownCampaign.id}`)).toEqual(before);
  });

  it('lets only coordinators (and admins) confirm an activity', async () => {
    for (const role of ['agency_editor', 'unit_reporter'] as const) {
      const activity = await newActivity('own');
      const patched = await actor(role).as.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { status: 'confirmed' },
      });
      expect(patched.statusCode, role).toBe(403);
      expect(await readActivity(activity.id)).toEqual(activity);

      const count = countRows(t.db, 'activities');
      const created = await actor(role).as.inject({
        method: 'POST',
        url: '/api/activities',
        payload: { ...activityInput('own', 'Tự duyệt'), status: 'confirmed' },
      });
      expect(created.statusCode, role).toBe(403);
      expect(countRows(t.db, 'activities')).toBe(count);
    }
    for (const role of PROVINCE_WIDE) {
      const activity = await newActivity('own');
      const confirmed = await actor(role).as.inject({
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { status: 'confirmed' },
      });
      expect(confirmed.statusCode, role).toBe(200);
      expect((await readActivity(activity.id)).status).toBe('confirmed');
    }
  });

  it('refuses a unit reporter an activity outside their units, or with no unit at all', async () => {
    const reporter = actor('unit_reporter');
    const count = countRows(t.db, 'activities');
    for (const unitIds of [[], [otherWard], [ownWard, otherWard]]) {
      const response = await reporter.as.inject({
        method: 'POST',
        url: '/api/activities',
        payload: { ...activityInput('own', 'Ngoài địa bàn'), unitIds },
      });
      expect(response.statusCode, JSON.stringify(unitIds)).toBe(403);
    }
    expect(countRows(t.db, 'activities')).toBe(count);
    // Nor can they stretch their own activity into another unit.
    const activity = await newActivity('own');
    const stretched = await reporter.as.inject({
      method: 'PATCH',
      url: `/api/activities/${activity.id}`,
      payload: { unitIds: [ownWard, otherWard] },
    });
    expect(stretched.statusCode).toBe(403);
    expect(await readActivity(activity.id)).toEqual(activity);
  });
});

describe('what the walk found', () => {
  // The contract makes channelCodes and indicatorCodes optional; the service inserts
  // neither, and the NOT NULL columns answer 500 (server/services/catalog-admin.ts:154).
  it('creates an activity type from only the fields its contract requires', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/activity-types',
      payload: { code: 'bare_type', name: 'Loại tối giản' },
    });
    expect(response.body).not.toContain('INTERNAL');
    expect(response.statusCode).toBe(201);
    expect(json<Record<string, unknown>>(response)).toMatchObject({
      code: 'bare_type',
      channelCodes: [],
      indicatorCodes: [],
    });
  });
});

// Campaign kits (DESIGN §4.1 "Planning"): a named template of activities placed relative to
// an anchor date, applied to a year, a set of agencies and a set of units. Applying previews
// every activity first, then creates the campaign and its activities in one transaction; an
// application is undone as a whole while none of its activities has a result.
import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { Figures } from './activities';
import { Code, DateString, Id, IdParam, IdParams, listOf, RequiredText, Text, VersionField } from './common';
import { endpoint } from './endpoints';

/** A fixed day of the year (9/11), or an observance of the catalogue (its day that year). */
export const KitAnchor = z.union([
  z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.strictObject({ observanceCode: Code }),
]);
export type KitAnchor = z.infer<typeof KitAnchor>;

/**
 * Who leads an item's activity: a named agency (one activity), each chosen agency (one
 * activity each), or each chosen unit's People's Committee (one activity per unit, held there).
 */
export const KitLead = z.union([
  z.strictObject({ agencyId: Id }),
  z.enum(['each_agency', 'each_unit_committee']),
]);
export type KitLead = z.infer<typeof KitLead>;

/** The widest a kit reaches around its anchor: a year either side. */
const OFFSET_LIMIT = 366;

export const KitItem = z.strictObject({
  /** Days from the anchor to the first day (negative: before it). */
  offsetDays: z.number().int().min(-OFFSET_LIMIT).max(OFFSET_LIMIT),
  /** All-day span in days, at least one. */
  durationDays: z.number().int().min(1).max(OFFSET_LIMIT),
  title: RequiredText(300),
  typeCode: Code,
  channelCodes: z.array(Code).max(20),
  targetGroupCodes: z.array(Code).max(30),
  lead: KitLead,
  expected: Figures,
});
export type KitItem = z.infer<typeof KitItem>;

export const Kit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  anchor: KitAnchor,
  items: z.array(KitItem),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Kit = z.infer<typeof Kit>;

const kitFields = {
  code: Code,
  name: RequiredText(300),
  anchor: KitAnchor,
  items: z.array(KitItem).min(1, refusalText('kit.noItems')).max(100),
};
export const KitInput = z.strictObject(kitFields);
export type KitInput = z.infer<typeof KitInput>;
export const KitPatch = z.strictObject({ ...kitFields, ...VersionField }).partial();
export type KitPatch = z.infer<typeof KitPatch>;

export const KitList = listOf(Kit);

/**
 * Applying a kit. `campaign` names the campaign the application creates (by default the
 * kit's name and the year, the observance's theme of that year); `campaignId` instead adds
 * the activities to an existing open campaign (one just created from the calendar's band).
 */
export const KitApplyInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    agencyIds: z.array(Id).max(200),
    unitIds: z.array(Id).max(200),
    campaign: z.strictObject({ name: RequiredText(300), theme: Text.max(1000).optional() }).optional(),
    campaignId: Id.optional(),
  })
  .refine((value) => !(value.campaign && value.campaignId), {
    path: ['campaignId'],
    message: refusalText('kit.campaignOrId'),
  });
export type KitApplyInput = z.infer<typeof KitApplyInput>;

/** The campaign the application uses: an existing one (its id) or the one it would create (null). */
export const KitCampaign = z.object({
  id: Id.nullable(),
  name: z.string(),
  theme: z.string(),
  startDate: DateString,
  endDate: DateString,
  observanceCode: z.string().nullable(),
});

/** One activity the application creates, as its all-day create input would send it. */
export const KitActivity = z.object({
  /** The kit item it comes from (its place in the kit's list). */
  itemIndex: z.number().int(),
  title: z.string(),
  typeCode: z.string(),
  channelCodes: z.array(z.string()),
  targetGroupCodes: z.array(z.string()),
  start: DateString,
  /** Exclusive. */
  end: DateString,
  leadAgencyId: Id,
  unitIds: z.array(Id),
  expected: Figures,
});
export type KitActivity = z.infer<typeof KitActivity>;

export const KitPreview = z.object({ campaign: KitCampaign, activities: z.array(KitActivity) });
export type KitPreview = z.infer<typeof KitPreview>;

export const KitApplyResult = z.object({ applicationId: Id, campaignId: Id, activityIds: z.array(Id) });
export type KitApplyResult = z.infer<typeof KitApplyResult>;

export const KitApplication = z.object({
  id: Id,
  kitId: Id,
  campaignId: Id.nullable(),
  createdCampaign: z.boolean(),
  year: z.number().int(),
  agencyIds: z.array(Id),
  unitIds: z.array(Id),
  createdBy: Id.nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** Its activities not deleted since. */
  activityCount: z.number().int(),
  /** How many of them have a result: undo is refused while any has. */
  withResult: z.number().int(),
});
export type KitApplication = z.infer<typeof KitApplication>;

export const KitApplicationQuery = z.strictObject({
  campaignId: IdParam.optional(),
  kitId: IdParam.optional(),
});
export const KitApplicationList = z.object({ items: z.array(KitApplication) });

const tags = ['kits'];

export const kitEndpoints = {
  list: endpoint({ method: 'GET', path: '/api/kits', response: KitList, status: 200, tags }),
  create: endpoint({ method: 'POST', path: '/api/kits', body: KitInput, response: Kit, status: 201, tags }),
  get: endpoint({ method: 'GET', path: '/api/kits/:id', params: IdParams, response: Kit, status: 200, tags }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/kits/:id',
    params: IdParams,
    body: KitPatch,
    response: Kit,
    status: 200,
    tags,
  }),
  /** Soft delete: the applications made with it stay, and can still be undone. */
  remove: endpoint({
    method: 'DELETE',
    path: '/api/kits/:id',
    params: IdParams,
    response: Kit,
    status: 200,
    tags,
  }),
  preview: endpoint({
    method: 'POST',
    path: '/api/kits/:id/preview',
    params: IdParams,
    body: KitApplyInput,
    response: KitPreview,
    status: 200,
    summary:
      'Every activity applying the kit would create, stored nowhere. Body `{ year, agencyIds, unitIds, campaign?: { name, theme } }`, or `campaignId` (an existing open campaign) instead of `campaign`',
    tags,
  }),
  apply: endpoint({
    method: 'POST',
    path: '/api/kits/:id/apply',
    params: IdParams,
    body: KitApplyInput,
    response: KitApplyResult,
    status: 201,
    summary:
      'Creates the campaign (or, given `campaignId`, uses that open campaign) and every activity of the preview in one transaction',
    tags,
  }),
  applications: endpoint({
    method: 'GET',
    path: '/api/kit-applications',
    query: KitApplicationQuery,
    response: KitApplicationList,
    status: 200,
    summary: "A campaign's or a kit's applications, latest first, with what undoing each would meet",
    tags,
  }),
  undo: endpoint({
    method: 'DELETE',
    path: '/api/kit-applications/:id',
    params: IdParams,
    response: KitApplication,
    status: 200,
    summary:
      'Soft-deletes every activity of the application (and the campaign it created, when nothing else uses it) while none has a result; 409 otherwise',
    tags,
  }),
};

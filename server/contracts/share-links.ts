import { z } from 'zod';
import { ActivityList, activityStatuses } from './activities';
import { Code, DateOrDateTime, DateString, Id, IdParams, listOf, pageQuery, Text } from './common';
import { endpoint } from './endpoints';

/** What a share link shows: a calendar narrowed by these filters, never more. */
export const ShareFilter = z.strictObject({
  agencyId: Id.optional(),
  unitId: Id.optional(),
  campaignId: Id.optional(),
  taskId: Id.optional(),
  typeCode: Code.optional(),
  channelCode: Code.optional(),
  targetGroupCode: Code.optional(),
  status: z.enum(activityStatuses).optional(),
});
export type ShareFilter = z.infer<typeof ShareFilter>;

export const ShareLink = z.object({
  id: Id,
  note: z.string(),
  filter: ShareFilter,
  createdBy: Id,
  createdAt: z.string(),
  /** When the link stops working: the end of its last day in APP_TIMEZONE. */
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  useCount: z.number().int(),
  lastUsedAt: z.string().nullable(),
});
export type ShareLink = z.infer<typeof ShareLink>;

/** The secret and the page address are in the answer to the creation only. */
export const NewShareLink = ShareLink.extend({ secret: z.string(), path: z.string() });

export const ShareLinkInput = z.strictObject({
  note: Text.max(300).optional(),
  filter: ShareFilter,
  /** The last day the link works, inclusive. */
  expiresOn: DateString,
});
export type ShareLinkInput = z.infer<typeof ShareLinkInput>;

export const ShareLinkList = listOf(ShareLink);
export const ShareLinkQuery = z.strictObject({ ...pageQuery() });

/** What the holder of a link sees about the link itself. */
export const SharedView = z.object({
  note: z.string(),
  filter: ShareFilter,
  /** The filters in words (agency and unit names...), since the reader has no account to look them up. */
  limits: z.array(z.object({ field: z.string(), value: z.string() })),
  expiresAt: z.string(),
});
export const SharedParams = z.strictObject({ token: z.string().min(20).max(100) });
export const SharedActivityQuery = z.strictObject({ start: DateOrDateTime, end: DateOrDateTime });

const tags = ['share links'];

export const shareLinkEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/share-links',
    query: ShareLinkQuery,
    response: ShareLinkList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/share-links',
    body: ShareLinkInput,
    response: NewShareLink,
    status: 201,
    summary: 'Create a read-only link to a filtered calendar; its secret is shown once',
    tags,
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/share-links/:id',
    params: IdParams,
    // 204: the answer has no body.
    response: z.null(),
    status: 204,
    summary: 'Revoke a link',
    tags,
  }),
  // The link's secret is the credential: these two answer without an account.
  view: endpoint({
    method: 'GET',
    path: '/api/shared/:token',
    params: SharedParams,
    response: SharedView,
    status: 200,
    tags,
  }),
  activities: endpoint({
    method: 'GET',
    path: '/api/shared/:token/activities',
    params: SharedParams,
    query: SharedActivityQuery,
    response: ActivityList,
    status: 200,
    summary: "The activities a link shows in [start, end), within the link's filters",
    tags,
  }),
};

import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import {
  Code,
  DateString,
  Id,
  IdParam,
  IdParams,
  listOf,
  pageQuery,
  RequiredText,
  Text,
  VersionField,
} from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';

export const Campaign = z.object({
  id: Id,
  name: z.string(),
  theme: z.string(),
  startDate: DateString,
  endDate: DateString,
  leadAgencyId: Id.nullable(),
  observanceCode: z.string().nullable(),
  taskIds: z.array(Id),
  color: z.string().nullable(),
  /** When it was closed: a closed campaign takes no new activities. */
  closedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

const campaignFields = {
  name: RequiredText(300),
  theme: Text.max(1000).optional(),
  startDate: DateString,
  endDate: DateString,
  leadAgencyId: Id.nullable().optional(),
  observanceCode: Code.nullable().optional(),
  taskIds: z.array(Id).max(200).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, refusalText('field.colour'))
    .nullable()
    .optional(),
};

export const CampaignInput = z.strictObject(campaignFields).refine(periodInOrder, periodMessage);
export const CampaignPatch = z
  .strictObject({
    ...campaignFields,
    /** Closes (true) or reopens (false) the campaign. */
    closed: z.boolean().optional(),
    ...VersionField,
  })
  .partial()
  .refine(periodInOrder, periodMessage);
export type CampaignInput = z.infer<typeof CampaignInput>;
export type CampaignPatch = z.infer<typeof CampaignPatch>;

export const CampaignQuery = z.strictObject({
  /** Campaigns whose window overlaps [from, to], both inclusive dates. */
  from: DateString.optional(),
  to: DateString.optional(),
  leadAgencyId: IdParam.optional(),
  taskId: IdParam.optional(),
  ...pageQuery(),
});
export const CampaignList = listOf(Campaign);

const tags = ['campaigns'];

export const campaignEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/campaigns',
    query: CampaignQuery,
    response: CampaignList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/campaigns',
    body: CampaignInput,
    response: Campaign,
    status: 201,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/campaigns/:id',
    params: IdParams,
    response: Campaign,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/campaigns/:id',
    params: IdParams,
    body: CampaignPatch,
    response: Campaign,
    status: 200,
    tags,
  }),
  /** Soft delete: only a campaign no activity or report refers to; others are closed instead. */
  remove: endpoint({
    method: 'DELETE',
    path: '/api/campaigns/:id',
    params: IdParams,
    response: Campaign,
    status: 200,
    tags,
  }),
};

import { z } from 'zod';
import { DateString, IdParam } from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';

export const MediaOutputQuery = z
  .strictObject({
    /** The period, inclusive, by each item's local start date. */
    startDate: DateString,
    endDate: DateString,
    agencyId: IdParam.optional().describe('lead or partner'),
    campaignId: IdParam.optional(),
    /** `true`: only results a coordinator accepted. */
    acceptedOnly: z.enum(['true', 'false']).optional(),
  })
  .refine(periodInOrder, periodMessage);
export type MediaOutputQuery = z.infer<typeof MediaOutputQuery>;

/** Each indicator's figure, summed (or the largest single value for a `max` indicator). */
const Values = z.record(z.string(), z.number().int());

export const MediaOutputRow = z.object({
  channelCode: z.string(),
  /** `YYYY-MM`, local. */
  month: z.string(),
  /** Media items published (activities of a media type with a result). */
  items: z.number().int(),
  values: Values,
});

export const MediaOutput = z.object({
  startDate: z.string(),
  endDate: z.string(),
  /** The media indicators, in catalogue order, with their units: figures of different units are never added. */
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      unitWord: z.string(),
      unitWordEn: z.string(),
      aggregation: z.enum(['sum', 'max']),
    }),
  ),
  rows: z.array(MediaOutputRow),
  byChannel: z.array(MediaOutputRow.omit({ month: true })),
  /** Each item once, whatever the number of its channels. */
  totals: MediaOutputRow.omit({ month: true, channelCode: true }),
  /** An item on several channels (a news article on paper, portal and social media) is in each channel's rows. */
  rowsOverlap: z.boolean(),
});
export type MediaOutput = z.infer<typeof MediaOutput>;

export const mediaOutputEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/media-output',
    query: MediaOutputQuery,
    response: MediaOutput,
    status: 200,
    summary: 'Media items and their reach by channel and month, each indicator in its own unit',
    tags: ['reports'],
  }),
};

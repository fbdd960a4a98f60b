import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { reviewStatuses } from '../domain/vocabularies';
import { Code, Count, Id, IdParams, OffsetDateTime, Text, VersionField } from './common';
import { endpoint } from './endpoints';

/** Figures by indicator code: whole, non-negative counts, each in its indicator's own unit. */
export const ResultValues = z.record(Code, Count);

/** A web address a result points to: the published article, the video, the post. */
const Link = z
  .url({
    protocol: /^https?$/,
    error: refusalText('field.link'),
  })
  .max(2000);

export const Result = z.object({
  activityId: Id,
  values: z.record(z.string(), z.number().int()),
  notes: z.string(),
  links: z.array(z.string()),
  /** When it really took place, if not as planned (ISO 8601 with the APP_TIMEZONE offset). */
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  reviewStatus: z.enum(reviewStatuses),
  /** Why a coordinator returned it; empty once it is sent again. */
  reviewNote: z.string(),
  submittedBy: Id.nullable(),
  submittedAt: z.string(),
  reviewedBy: Id.nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Result = z.infer<typeof Result>;

export const ResultInput = z
  .strictObject({
    values: ResultValues,
    notes: Text.max(10000).optional(),
    links: z.array(Link).max(50).optional(),
    actualStart: OffsetDateTime.nullable().optional(),
    actualEnd: OffsetDateTime.nullable().optional(),
    /** Resent as `true` after a 422 NEEDS_CONFIRMATION: the unusual figures are right. */
    confirm: z.boolean().optional(),
    ...VersionField,
  })
  .refine(
    (value) =>
      !value.actualStart || !value.actualEnd || Date.parse(value.actualEnd) > Date.parse(value.actualStart),
    { message: refusalText('result.actualEnd'), path: ['actualEnd'] },
  );
export type ResultInput = z.infer<typeof ResultInput>;

export const ReviewInput = z
  .strictObject({
    decision: z.enum(['accept', 'return']),
    note: Text.max(2000).optional(),
    ...VersionField,
  })
  .refine((value) => value.decision !== 'return' || Boolean(value.note), {
    message: refusalText('result.returnNote'),
    path: ['note'],
  });
export type ReviewInput = z.infer<typeof ReviewInput>;

export { reviewStatuses };

const tags = ['results'];

/** A result belongs to its activity: the `id` in these paths is the activity's. */
export const resultEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/api/activities/:id/result',
    params: IdParams,
    response: Result,
    status: 200,
    tags,
  }),
  save: endpoint({
    method: 'PUT',
    path: '/api/activities/:id/result',
    params: IdParams,
    body: ResultInput,
    response: Result,
    status: 200,
    summary: 'Log (or correct) what a held activity achieved; marks it done and sends it for review',
    tags,
  }),
  review: endpoint({
    method: 'POST',
    path: '/api/activities/:id/result/review',
    params: IdParams,
    body: ReviewInput,
    response: Result,
    status: 200,
    summary: 'Accept a result, or return it to its author with a note',
    tags,
  }),
};

// Bringing a province's spreadsheets in (issue 13, DESIGN §4.1 Import): upload a sheet,
// read its preview row by row (new, update, duplicate or invalid, with the reason per cell),
// fix cells or drop rows, then commit the good rows in one transaction, or undo it later.
import { z } from 'zod';
import { Id, IdParams, Text } from './common';
import { endpoint } from './endpoints';

const FieldKey = z.string().regex(/^(?:[a-zA-Z]+|expected:[A-Za-z0-9_.-]+)$/);

export const ImportRowError = z.object({
  field: z.string(),
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ImportRow = z.object({
  /** The row's place among the data rows, from 0 (the sheet's row is index + 2). */
  index: z.number().int(),
  status: z.enum(['new', 'update', 'duplicate', 'invalid', 'dropped']),
  /** The row's text by field, with the planner's fixes. */
  values: z.record(z.string(), z.string()),
  errors: z.array(ImportRowError),
  /** Names near a cell that named nothing known, by field. */
  suggestions: z.record(z.string(), z.array(z.string())),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportPreview = z.object({
  id: Id,
  kind: z.literal('activities'),
  fileName: z.string(),
  year: z.number().int(),
  status: z.enum(['preview', 'committed', 'discarded', 'undone']),
  headers: z.array(z.string()),
  /** Column index → field; a column mapped to nothing is left out. */
  mapping: z.record(z.string(), z.string()),
  /** Every field a column can be mapped to, with its heading. */
  fields: z.array(z.object({ key: z.string(), heading: z.string() })),
  rows: z.array(ImportRow),
  counts: z.object({
    new: z.number().int(),
    update: z.number().int(),
    duplicate: z.number().int(),
    invalid: z.number().int(),
    dropped: z.number().int(),
  }),
  activityIds: z.array(Id),
  version: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportPatch = z.strictObject({
  mapping: z.record(z.string().regex(/^\d{1,3}$/), FieldKey.or(z.literal(''))).optional(),
  rows: z
    .array(
      z.strictObject({ index: z.number().int().nonnegative(), values: z.record(FieldKey, Text.max(5000)) }),
    )
    .max(20_000)
    .optional(),
  drop: z.array(z.number().int().nonnegative()).max(20_000).optional(),
  /** Rows dropped before and wanted back. */
  keep: z.array(z.number().int().nonnegative()).max(20_000).optional(),
});
export type ImportPatch = z.infer<typeof ImportPatch>;

export const ImportCommitted = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  activityIds: z.array(Id),
});
export type ImportCommitted = z.infer<typeof ImportCommitted>;

export const ImportUploadQuery = z.strictObject({
  kind: z.literal('activities').default('activities'),
  /** The year of dates written without one ("30/7"); this year when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ImportTemplateQuery = z.strictObject({ kind: z.literal('activities').default('activities') });

const tags = ['imports'];

export const importEndpoints = {
  template: endpoint({
    method: 'GET',
    path: '/api/imports/template',
    query: ImportTemplateQuery,
    status: 200,
    produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    summary: 'The .xlsx template with Vietnamese headings',
    tags,
  }),
  upload: endpoint({
    method: 'POST',
    path: '/api/imports',
    query: ImportUploadQuery,
    response: ImportPreview,
    status: 201,
    consumes: ['multipart/form-data'],
    summary: 'Uploads a sheet (.xlsx or .csv) and answers its preview',
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/imports/:id',
    params: IdParams,
    response: ImportPreview,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/imports/:id',
    params: IdParams,
    body: ImportPatch,
    response: ImportPreview,
    status: 200,
    summary: 'Changes the mapping, fixes cells or drops rows, and answers the new preview',
    tags,
  }),
  commit: endpoint({
    method: 'POST',
    path: '/api/imports/:id/commit',
    params: IdParams,
    response: ImportCommitted,
    status: 200,
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/imports/:id',
    params: IdParams,
    response: ImportPreview,
    status: 200,
    summary: 'Discards a preview, or undoes a committed import while none of its activities has a result',
    tags,
  }),
};

import { z } from 'zod';
import { refusalText } from '../domain/refusals';
import { successionKinds, unitLevels } from '../domain/vocabularies';
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

export const Unit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  level: z.enum(unitLevels),
  tier: z.number().int(),
  parentId: Id.nullable(),
  validFrom: DateString.nullable(),
  validTo: DateString.nullable(),
  tags: z.array(z.string()),
  version: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

/** `validTo` is inclusive, so a one-day validity has validFrom == validTo. */
export function validityInOrder(value: { validFrom?: string | null; validTo?: string | null }): boolean {
  return !value.validFrom || !value.validTo || value.validTo >= value.validFrom;
}
export const validityMessage = {
  message: refusalText('validity.order'),
  path: ['validTo'],
};

const unitFields = {
  code: Code,
  name: RequiredText(200),
  shortName: Text.max(100).optional(),
  level: z.enum(unitLevels),
  parentId: Id.nullable().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  tags: z.array(Code).max(20).optional(),
};

export const UnitInput = z.strictObject(unitFields).refine(validityInOrder, validityMessage);
export const UnitPatch = z
  .strictObject({ ...unitFields, ...VersionField })
  .partial()
  .refine(validityInOrder, validityMessage);
export type UnitInput = z.infer<typeof UnitInput>;
export type UnitPatch = z.infer<typeof UnitPatch>;

export const UnitQuery = z.strictObject({
  code: z.string().optional(),
  asOf: DateString.optional(),
  level: z.enum(unitLevels).optional(),
  parentId: IdParam.optional(),
  ...pageQuery(),
});

export const UnitList = listOf(Unit);

/** A unit became (part of) another on a date: the 1/1/2025 and 1/7/2025 reorganisations. */
export const UnitSuccession = z.object({
  id: Id,
  fromUnitId: Id,
  toUnitId: Id,
  date: DateString,
  kind: z.enum(successionKinds),
});
export const UnitSuccessionInput = z.strictObject({
  fromUnitId: Id,
  toUnitId: Id,
  date: DateString,
  kind: z.enum(successionKinds),
});
export type UnitSuccessionInput = z.infer<typeof UnitSuccessionInput>;
export const UnitSuccessionQuery = z.strictObject({ unitId: IdParam.optional(), ...pageQuery() });
export const UnitSuccessionList = listOf(UnitSuccession);

export { successionKinds, unitLevels };

const tags = ['units'];

export const unitEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/units',
    query: UnitQuery,
    response: UnitList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/units',
    body: UnitInput,
    response: Unit,
    status: 201,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/units/:id',
    params: IdParams,
    response: Unit,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/units/:id',
    params: IdParams,
    body: UnitPatch,
    response: Unit,
    status: 200,
    tags,
  }),
  listSuccessions: endpoint({
    method: 'GET',
    path: '/api/unit-successions',
    query: UnitSuccessionQuery,
    response: UnitSuccessionList,
    status: 200,
    summary: 'Merges, splits and renames of units',
    tags,
  }),
  createSuccession: endpoint({
    method: 'POST',
    path: '/api/unit-successions',
    body: UnitSuccessionInput,
    response: UnitSuccession,
    status: 201,
    tags,
  }),
};

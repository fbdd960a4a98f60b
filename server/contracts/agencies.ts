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
import { validityInOrder, validityMessage } from './units';

export const agencyKinds = [
  'people_committee',
  'department',
  'police',
  'border_guard',
  'media',
  'mass_organisation',
  'commune_authority',
  'telecom',
  'other',
] as const;

export const Agency = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  nameEn: z.string(),
  kind: z.enum(agencyKinds),
  unitId: Id.nullable(),
  validFrom: DateString.nullable(),
  validTo: DateString.nullable(),
  successorIds: z.array(Id),
  /** The letters of its documents' ký hiệu (`CATP` in `BC-CATP`). */
  documentSymbol: z.string(),
  /** The line over its name in a document's header (`BỘ CÔNG AN`); empty when none. */
  parentLine: z.string(),
  version: z.number().int(),
});
export type Agency = z.infer<typeof Agency>;

const agencyFields = {
  code: Code,
  name: RequiredText(300),
  shortName: Text.max(100).optional(),
  nameEn: Text.max(300).optional(),
  kind: z.enum(agencyKinds),
  unitId: Id.nullable().optional(),
  validFrom: DateString.nullable().optional(),
  validTo: DateString.nullable().optional(),
  successorIds: z.array(Id).max(50).optional(),
  /** Letters and digits only; guessed from the short name when not given. */
  documentSymbol: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\p{L}\p{N}]*$/u, refusalText('agency.documentSymbol'))
    .optional(),
  /** Guessed from the kind of agency when not given. */
  parentLine: Text.max(200).optional(),
};

export const AgencyInput = z.strictObject(agencyFields).refine(validityInOrder, validityMessage);
export const AgencyPatch = z
  .strictObject({ ...agencyFields, ...VersionField })
  .partial()
  .refine(validityInOrder, validityMessage);
export type AgencyInput = z.infer<typeof AgencyInput>;
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const AgencyQuery = z.strictObject({
  code: z.string().optional(),
  asOf: DateString.optional(),
  kind: z.enum(agencyKinds).optional(),
  unitId: IdParam.optional(),
  ...pageQuery(),
});

export const AgencyList = listOf(Agency);

const tags = ['agencies'];

export const agencyEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/agencies',
    query: AgencyQuery,
    response: AgencyList,
    status: 200,
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/agencies',
    body: AgencyInput,
    response: Agency,
    status: 201,
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/agencies/:id',
    params: IdParams,
    response: Agency,
    status: 200,
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/agencies/:id',
    params: IdParams,
    body: AgencyPatch,
    response: Agency,
    status: 200,
    tags,
  }),
};

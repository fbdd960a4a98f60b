// Reports as records (DESIGN §4.1): a report is composed from the records of a period,
// edited section by section, then issued; an issued report is frozen, its files kept.
import { z } from 'zod';
import { DateString, Id, IdParams, listOf, pageQuery, RequiredText, Text, VersionField } from './common';
import { endpoint } from './endpoints';
import { periodInOrder, periodMessage } from './plans';
import { exportFormats } from './reports';

export const reportKinds = ['half_year', 'year', 'campaign', 'custom'] as const;
export type ReportKind = (typeof reportKinds)[number];
/** Accepted results only (the default for a report to be issued), or all submitted ones. */
export const reportBases = ['accepted', 'submitted'] as const;
export const reportStatuses = ['draft', 'issued'] as const;

export const ReportSection = z.object({
  /** The section's place in the outline (`direct`, `weaknesses`…): see `reportOutline`. */
  key: z.string(),
  title: z.string(),
  /** Paragraphs separated by line breaks. */
  text: z.string(),
  /** Written by a person: a recompute keeps it. */
  edited: z.boolean(),
});
export type ReportSection = z.infer<typeof ReportSection>;

export const Signer = z.object({
  /** `KT. GIÁM ĐỐC`, `TM. ỦY BAN NHÂN DÂN`… */
  authority: z.string(),
  /** `PHÓ GIÁM ĐỐC` */
  title: z.string(),
  /** `Đại tá`, or empty for a civilian */
  rank: z.string(),
  name: z.string(),
});
export type Signer = z.infer<typeof Signer>;

export const Report = z.object({
  id: Id,
  kind: z.enum(reportKinds),
  startDate: DateString,
  endDate: DateString,
  /** Null for a province-wide report; else that agency's own (its activities as lead or partner). */
  agencyId: Id.nullable(),
  campaignId: Id.nullable(),
  basis: z.enum(reportBases),
  issuerAgencyId: Id,
  issuerName: z.string(),
  parentLine: z.string(),
  /** Số: the register's number, given when the report is issued. */
  number: z.string(),
  /** Ký hiệu: `BC-CATP`. */
  symbol: z.string(),
  place: z.string(),
  issueDate: DateString.nullable(),
  /** Trích yếu. */
  subject: z.string(),
  sections: z.array(ReportSection),
  recipients: z.array(z.string()),
  signer: Signer,
  status: z.enum(reportStatuses),
  version: z.number().int(),
  issuedAt: z.string().nullable(),
  supersedesId: Id.nullable(),
  /** The version issued after this one, if any: this one is then no longer in force. */
  supersededById: Id.nullable(),
  /** When the figures were last gathered from the records. */
  computedAt: z.string(),
  /** The headline figures the text was composed from, each with its unit word. */
  figures: z.object({
    activities: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    values: z.array(
      z.object({ code: z.string(), name: z.string(), value: z.number(), unitWord: z.string() }),
    ),
  }),
  /** For each section, the facts its prefilled text states ("Số buổi: 12 buổi"). */
  facts: z.record(z.string(), z.array(z.string())),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;

const SignerInput = z.strictObject({
  authority: Text.max(100),
  title: Text.max(100),
  rank: Text.max(60),
  name: Text.max(100),
});

const editable = {
  kind: z.enum(reportKinds).optional(),
  basis: z.enum(reportBases).optional(),
  issuerAgencyId: Id.optional(),
  parentLine: Text.max(200).optional(),
  number: Text.max(20).optional(),
  symbol: Text.max(40).optional(),
  place: Text.max(100).optional(),
  issueDate: DateString.nullable().optional(),
  subject: Text.max(500).optional(),
  recipients: z.array(RequiredText(300)).max(40).optional(),
  signer: SignerInput.optional(),
};

/** A new draft for a period and a scope; what is not given is prefilled from the records. */
export const ReportInput = z
  .strictObject({
    startDate: DateString,
    endDate: DateString,
    agencyId: Id.nullable().optional(),
    campaignId: Id.nullable().optional(),
    ...editable,
  })
  .refine(periodInOrder, periodMessage);
export type ReportInput = z.infer<typeof ReportInput>;

/** A new draft that will replace an issued report once issued: a copy of it to correct. */
export const ReportRevision = z.strictObject({ supersedesId: Id });

export const ReportCreate = z.union([ReportInput, ReportRevision]);
export type ReportCreate = z.infer<typeof ReportCreate>;

const SectionPatch = z.strictObject({
  key: z.string(),
  title: RequiredText(300).optional(),
  text: Text.max(20000).optional(),
  /** `false` gives the section back to the records: its text is composed again. */
  edited: z.boolean().optional(),
});

export const ReportPatch = z.strictObject({
  ...editable,
  sections: z.array(SectionPatch).max(40).optional(),
  ...VersionField,
});
export type ReportPatch = z.infer<typeof ReportPatch>;

export const ReportQuery = z.strictObject({
  /** Reports whose period ends in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** An agency's own reports; `province` for the province-wide ones. */
  scope: z.union([z.literal('province'), z.coerce.number().int().positive()]).optional(),
  status: z.enum(reportStatuses).optional(),
  ...pageQuery(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;
export const ReportList = listOf(Report);

export const ReportDocumentQuery = z.strictObject({ format: z.enum(exportFormats) });
export const VersionBody = z.strictObject({ ...VersionField });

const tags = ['reports'];

export const reportRecordEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/reports',
    query: ReportQuery,
    response: ReportList,
    status: 200,
    summary: 'Reports, drafts and issued, by period and agency',
    tags,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/reports',
    body: ReportCreate,
    response: Report,
    status: 201,
    summary:
      'A report draft for a period and a scope, prefilled from the records (or a revision of an issued one)',
    tags,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/reports/:id',
    params: IdParams,
    response: Report,
    status: 200,
    summary: 'One report with its sections and the figures they came from',
    tags,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/reports/:id',
    params: IdParams,
    body: ReportPatch,
    response: Report,
    status: 200,
    summary: 'Edit a draft: its header, signer, recipients and sections (an edited section is kept)',
    tags,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/reports/:id',
    params: IdParams,
    // 204: the answer has no body.
    response: z.null(),
    status: 204,
    summary: 'Delete a draft (kept in the audit log); an issued report is never deleted',
    tags,
  }),
  recompute: endpoint({
    method: 'POST',
    path: '/api/reports/:id/recompute',
    params: IdParams,
    body: VersionBody,
    response: Report,
    status: 200,
    summary: 'Gather the figures again and compose the sections not edited',
    tags,
  }),
  issue: endpoint({
    method: 'POST',
    path: '/api/reports/:id/issue',
    params: IdParams,
    body: VersionBody,
    response: Report,
    status: 200,
    summary: 'Issue a draft: its figures, texts and files are frozen',
    tags,
  }),
  /** A file, not JSON: the web links to it for the browser to download. */
  document: endpoint({
    method: 'GET',
    path: '/api/reports/:id/document',
    params: IdParams,
    query: ReportDocumentQuery,
    status: 200,
    summary: 'The report as Word, Excel or CSV; for an issued report the same bytes every time',
    tags,
  }),
};

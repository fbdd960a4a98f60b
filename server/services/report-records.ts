// Reports as records (DESIGN §4.1). A draft is composed from the records of its period and
// scope: the figures are gathered once and kept with it (so that its text, its tables and
// its preview agree), each section prefilled from them; a person edits the header, the
// signer, the recipients and any section (an edited section survives a recompute). Issuing
// freezes it: the figures, the texts and the three files are stored, and the same bytes
// come back ever after. An issued report is corrected only by a new version that supersedes it.
import { createHash } from 'node:crypto';
import { and, count, desc, eq, gte, isNull, lte, type SQL } from 'drizzle-orm';
import { agencies, campaigns, reportDocuments, reports } from '../../db/schema';
import { parentNameOf } from '../../db/seed/document-lines';
import type {
  Report,
  ReportCreate,
  ReportInput,
  ReportPatch,
  ReportQuery,
  ReportSection,
  Signer,
} from '../contracts/report-records';
import type { SummaryQuery } from '../contracts/reports';
import { unitWord } from '../domain/indicators';
import { reportWriteRefusal } from '../domain/permissions';
import { missingToIssue, reportSymbol, sectionKeys, symbolLetters } from '../domain/report-outline';
import { storedNow, todayIn } from '../domain/time';
import { fieldRefusal, invalidFields, notFound, refuse } from '../errors';
import type { ServiceContext, Tx } from './context';
import { page } from './lists';
import { auditedCreate, auditedUpdate } from './records';
import { invalidAgencies } from './references';
import { reportCsv } from './report-csv';
import {
  gatherReport,
  issuerWords,
  placeOn,
  type ReportData,
  reportKindOf,
  standingAgencyOn,
} from './report-data';
import { reportDocx } from './report-docx';
import { composeSections, mergeSections } from './report-sections';
import { authorityOf, type DocumentFields, recipientsOf, subjectOf } from './report-words';
import { reportXlsx } from './report-xlsx';
import { assertVersion } from './versions';

type ReportRow = typeof reports.$inferSelect;
export type DocumentFormat = 'docx' | 'xlsx' | 'csv';

// ---------------------------------------------------------------- reading

const summaryQueryOf = (
  row: Pick<ReportRow, 'startDate' | 'endDate' | 'agencyId' | 'campaignId' | 'basis'>,
  rollUpTo: string,
): SummaryQuery => ({
  startDate: row.startDate,
  endDate: row.endDate,
  acceptedOnly: row.basis === 'accepted' ? 'true' : 'false',
  rollUpTo,
  ...(row.agencyId === null ? {} : { agencyId: row.agencyId }),
  ...(row.campaignId === null ? {} : { campaignId: row.campaignId }),
});

function toReport(tx: Tx, row: ReportRow): Report {
  const figures = row.figures as ReportData;
  const issuer = tx
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, row.issuerAgencyId))
    .get();
  const successor = tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.supersedesId, row.id), eq(reports.status, 'issued'), isNull(reports.deletedAt)))
    .get();
  return {
    id: row.id,
    kind: row.kind,
    startDate: row.startDate,
    endDate: row.endDate,
    agencyId: row.agencyId,
    campaignId: row.campaignId,
    basis: row.basis,
    issuerAgencyId: row.issuerAgencyId,
    issuerName: issuer?.name ?? '',
    parentLine: row.parentLine,
    number: row.number,
    symbol: row.symbol,
    place: row.place,
    issueDate: row.issueDate,
    subject: row.subject,
    sections: row.sections as ReportSection[],
    recipients: row.recipients,
    signer: row.signer,
    status: row.status,
    version: row.version,
    issuedAt: row.issuedAt,
    supersedesId: row.supersedesId,
    supersededById: successor?.id ?? null,
    computedAt: row.computedAt,
    figures: {
      activities: figures.totals.totals.activities,
      done: figures.context.standing.held,
      overdue: figures.context.standing.overdue,
      values: figures.indicators.flatMap((indicator) => {
        const value = figures.totals.totals.values[indicator.code];
        return value === undefined
          ? []
          : [{ code: indicator.code, name: indicator.name, value, unitWord: unitWord(indicator) }];
      }),
    },
    facts: composeSections(figures).facts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The stored report; a deleted one only when asked (the audit row of its deletion shows it). */
function rowOf(tx: Tx, id: number, withDeleted = false): ReportRow {
  const row = tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), withDeleted ? undefined : isNull(reports.deletedAt)))
    .get();
  if (!row) throw notFound('báo cáo', id);
  return row;
}

export function readReport(tx: Tx, id: number): Report {
  return toReport(tx, rowOf(tx, id));
}

export function getReport(ctx: ServiceContext, id: number): Report {
  return readReport(ctx.db, id);
}

export function listReports(ctx: ServiceContext, query: ReportQuery) {
  const where = and(
    isNull(reports.deletedAt),
    query.year
      ? and(gte(reports.endDate, `${query.year}-01-01`), lte(reports.endDate, `${query.year}-12-31`))
      : undefined,
    query.scope === 'province'
      ? isNull(reports.agencyId)
      : query.scope
        ? eq(reports.agencyId, query.scope)
        : undefined,
    query.status ? eq(reports.status, query.status) : undefined,
  ) as SQL;
  const rows = ctx.db
    .select()
    .from(reports)
    .where(where)
    .orderBy(desc(reports.endDate), desc(reports.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(reports).where(where).get()?.n ?? 0;
  return page(
    rows.map((row) => toReport(ctx.db, row)),
    total,
    query,
  );
}

// ---------------------------------------------------------------- who may compose

/** The rule of domain/permissions.ts, refused with 403 here. */
function assertComposer(
  ctx: ServiceContext,
  scope: { agencyId: number | null; issuerAgencyId?: number },
): void {
  if (!ctx.actor) return;
  const refusal = reportWriteRefusal(ctx.actor, scope);
  if (refusal) throw refuse('FORBIDDEN', refusal);
}

// ---------------------------------------------------------------- composing

function gatherFor(
  ctx: ServiceContext,
  row: Pick<ReportRow, 'startDate' | 'endDate' | 'agencyId' | 'campaignId' | 'basis' | 'kind'>,
  yearStart: string,
  issuerAgencyId: number,
): ReportData {
  const today = todayIn(ctx.timeZone, ctx.now);
  const data = gatherReport(ctx, summaryQueryOf(row, today), yearStart, row.kind);
  return { ...data, issuer: gatherIssuer(ctx, issuerAgencyId) };
}

/** The issuing agency's header lines, with the place of today's date line. */
function gatherIssuer(ctx: ServiceContext, issuerAgencyId: number): ReportData['issuer'] {
  const issuer = ctx.db.select().from(agencies).where(eq(agencies.id, issuerAgencyId)).get();
  return issuerWords(issuer, placeOn(ctx, todayIn(ctx.timeZone, ctx.now)));
}

function checkScope(
  tx: Tx,
  input: { agencyId?: number | null; campaignId?: number | null; issuerAgencyId?: number },
) {
  const details = [
    ...(input.agencyId ? invalidAgencies(tx, 'agencyId', [input.agencyId], undefined, false) : []),
    ...(input.issuerAgencyId
      ? invalidAgencies(tx, 'issuerAgencyId', [input.issuerAgencyId], undefined, false)
      : []),
  ];
  if (
    input.campaignId &&
    !tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId)).get()
  ) {
    details.push(fieldRefusal('campaignId', 'record.notFound', { what: 'chiến dịch', id: input.campaignId }));
  }
  if (details.length > 0) throw invalidFields(details);
}

function newDraft(ctx: ServiceContext, input: ReportInput, yearStart: string) {
  const agencyId = input.agencyId ?? null;
  const campaignId = input.campaignId ?? null;
  const today = todayIn(ctx.timeZone, ctx.now);
  const issuerAgencyId = input.issuerAgencyId ?? agencyId ?? standingAgencyOn(ctx, today)?.id;
  if (issuerAgencyId === undefined) throw invalidFields([fieldRefusal('issuerAgencyId', 'field.required')]);
  assertComposer(ctx, { agencyId, issuerAgencyId });
  checkScope(ctx.db, { ...input, issuerAgencyId });
  const kind =
    input.kind ?? (campaignId ? 'campaign' : reportKindOf(input.startDate, input.endDate, yearStart));
  const basis = input.basis ?? 'accepted';
  const scope = { startDate: input.startDate, endDate: input.endDate, agencyId, campaignId, basis, kind };
  const data = gatherFor(ctx, scope, yearStart, issuerAgencyId);
  const issuer = ctx.db.select().from(agencies).where(eq(agencies.id, issuerAgencyId)).get();
  const campaignName = campaignId
    ? ctx.db.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, campaignId)).get()?.name
    : undefined;
  const parentLine = input.parentLine ?? issuer?.parentLine ?? '';
  const letters = issuer?.documentSymbol ?? '';
  return {
    ...scope,
    issuerAgencyId,
    parentLine,
    number: input.number ?? '',
    symbol: input.symbol ?? reportSymbol(letters),
    place: input.place ?? data.issuer.place,
    issueDate: input.issueDate ?? null,
    subject: input.subject ?? subjectOf(kind, input.endDate, campaignName),
    sections: composeSections(data).sections,
    recipients:
      input.recipients ??
      recipientsOf(reportedTo(ctx, parentLine, agencyId === null, issuer?.kind), agencyId === null, letters),
    signer: input.signer ?? { authority: authorityOf(issuer?.kind ?? ''), title: '', rank: '', name: '' },
    figures: data,
    computedAt: storedNow(ctx.now),
  };
}

/**
 * Whom the report goes to "để báo cáo": the body above the issuer, and for a province-wide
 * report the province's People's Committee too (unless it issues the report itself).
 */
function reportedTo(
  ctx: ServiceContext,
  parentLine: string,
  provinceWide: boolean,
  issuerKind = '',
): string[] {
  const all = ctx.db.select().from(agencies).all();
  const committee = all.find(
    (agency) =>
      agency.kind === 'people_committee' && /^UBND_[A-Z]+$/.test(agency.code) && agency.validTo === null,
  );
  return [
    parentNameOf(parentLine, all),
    ...(provinceWide && committee && issuerKind !== 'people_committee' ? [committee.name] : []),
  ];
}

/** A copy of an issued report to correct: issuing it supersedes the one it copies. */
function revisionOf(ctx: ServiceContext, supersedesId: number) {
  const issued = rowOf(ctx.db, supersedesId);
  if (issued.status !== 'issued' || toReport(ctx.db, issued).supersededById !== null) {
    throw refuse('CONFLICT', 'report.notIssued');
  }
  assertComposer(ctx, issued);
  const {
    id: _id,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    issuedAt: _a,
    issuedBy: _b,
    deletedAt: _d,
    ...copy
  } = issued;
  return { ...copy, status: 'draft' as const, supersedesId, computedAt: issued.computedAt };
}

export function createReport(ctx: ServiceContext, input: ReportCreate, yearStart: string): Report {
  const values =
    'supersedesId' in input ? revisionOf(ctx, input.supersedesId) : newDraft(ctx, input, yearStart);
  return auditedCreate(
    ctx,
    'report',
    (tx) =>
      tx
        .insert(reports)
        .values({ ...values, createdBy: ctx.actor?.id ?? null })
        .returning({ id: reports.id })
        .get().id,
    readReport,
  );
}

/** A section's patch: its text and title as given, edited when a person wrote it; `edited: false` composes it again. */
function patchedSections(
  before: Report,
  patch: NonNullable<ReportPatch['sections']>,
  data: ReportData,
): ReportSection[] {
  const unknown = patch.filter((entry) => !sectionKeys.includes(entry.key));
  if (unknown.length > 0) {
    throw invalidFields(
      unknown.map((entry) => fieldRefusal('sections', 'report.unknownSection', { key: entry.key })),
    );
  }
  const composed = new Map(composeSections(data).sections.map((section) => [section.key, section]));
  return before.sections.map((section) => {
    const change = patch.find((entry) => entry.key === section.key);
    if (!change) return section;
    if (change.edited === false) return composed.get(section.key) ?? section;
    const text = change.text ?? section.text;
    const title = change.title ?? section.title;
    const edited = section.edited || text !== section.text || title !== section.title;
    return { ...section, text, title, edited };
  });
}

function assertDraft(report: Report): void {
  if (report.status !== 'draft') throw refuse('CONFLICT', 'report.issued');
}

export function updateReport(
  ctx: ServiceContext,
  id: number,
  patch: ReportPatch,
  expected: number | undefined,
  yearStart: string,
): Report {
  const { version: _version, sections, ...changes } = patch;
  return changeDraft(ctx, id, expected, (tx, before, version) => {
    assertComposer(ctx, {
      agencyId: before.agencyId,
      issuerAgencyId: changes.issuerAgencyId ?? before.issuerAgencyId,
    });
    checkScope(tx, changes);
    const row = rowOf(tx, id);
    // Another basis gives other figures, another kind other judgements: the figures are
    // gathered again and the sections not edited composed again. Another issuer changes
    // only the header lines the figures carry.
    const recomposed =
      (changes.basis !== undefined && changes.basis !== before.basis) ||
      (changes.kind !== undefined && changes.kind !== before.kind);
    const issuerAgencyId = changes.issuerAgencyId ?? before.issuerAgencyId;
    const kept = row.figures as ReportData;
    const data = recomposed
      ? gatherFor(
          ctx,
          { ...row, basis: changes.basis ?? row.basis, kind: changes.kind ?? row.kind },
          yearStart,
          issuerAgencyId,
        )
      : issuerAgencyId !== before.issuerAgencyId
        ? { ...kept, issuer: gatherIssuer(ctx, issuerAgencyId) }
        : kept;
    let next = sections ? patchedSections(before, sections, data) : before.sections;
    if (recomposed) next = mergeSections(next, composeSections(data).sections);
    tx.update(reports)
      .set({
        ...changes,
        sections: next,
        figures: data,
        ...(recomposed ? { computedAt: storedNow(ctx.now) } : {}),
        version,
        updatedAt: storedNow(ctx.now),
      })
      .where(eq(reports.id, id))
      .run();
  });
}

export function recomputeReport(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  yearStart: string,
): Report {
  return changeDraft(ctx, id, expected, (tx, before, version) => {
    const data = gatherFor(ctx, rowOf(tx, id), yearStart, before.issuerAgencyId);
    tx.update(reports)
      .set({
        figures: data,
        sections: mergeSections(before.sections, composeSections(data).sections),
        computedAt: storedNow(ctx.now),
        version,
        updatedAt: storedNow(ctx.now),
      })
      .where(eq(reports.id, id))
      .run();
  });
}

export function deleteReport(ctx: ServiceContext, id: number, expected: number | undefined): void {
  changeDraft(
    ctx,
    id,
    expected,
    (tx, _before, version) => {
      tx.update(reports)
        .set({ deletedAt: storedNow(ctx.now), version })
        .where(eq(reports.id, id))
        .run();
    },
    'delete',
  );
}

/**
 * A change to a draft, audited and versioned like every record's: refused (404) once
 * deleted, (409) once issued, (403) to whom may not compose it. A deletion's audit row reads
 * the report as it was left.
 */
function changeDraft(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
  apply: (tx: Tx, before: Report, version: number) => void,
  action: 'update' | 'delete' = 'update',
): Report {
  return auditedUpdate(ctx, {
    entityType: 'report',
    label: 'Báo cáo',
    id,
    expected,
    action,
    read: (tx, key) => toReport(tx, rowOf(tx, key, action === 'delete')),
    apply: (tx, before, version) => {
      if (rowOf(tx, id, true).deletedAt !== null) throw notFound('báo cáo', id);
      assertDraft(before);
      assertComposer(ctx, before);
      apply(tx, before, version);
    },
  });
}

// ---------------------------------------------------------------- documents

/** The figures with the record's own header lines, as the files print them. */
function documentOf(tx: Tx, row: ReportRow): { data: ReportData; fields: DocumentFields } {
  const data = row.figures as ReportData;
  const issuer = tx.select().from(agencies).where(eq(agencies.id, row.issuerAgencyId)).get();
  const words = issuerWords(issuer ? { ...issuer, parentLine: row.parentLine } : undefined, row.place);
  return {
    data: { ...data, issuer: { ...words, symbol: symbolLetters(row.symbol) } },
    fields: {
      kind: row.kind,
      number: row.number,
      symbol: row.symbol,
      place: row.place,
      issueDate: row.issueDate,
      subject: row.subject,
      sections: row.sections as ReportSection[],
      recipients: row.recipients,
      signer: row.signer as Signer,
    },
  };
}

export async function renderReport(
  data: ReportData,
  fields: DocumentFields,
  format: DocumentFormat,
): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return reportDocx(data, fields);
    case 'xlsx':
      return reportXlsx(data, fields);
    case 'csv':
      return Buffer.from(reportCsv(data), 'utf8');
  }
}

/** An issued report's stored file, or a draft's file rendered from its kept figures. */
export async function reportDocument(ctx: ServiceContext, id: number, format: DocumentFormat) {
  const row = rowOf(ctx.db, id);
  if (row.status === 'issued') {
    const stored = ctx.db
      .select()
      .from(reportDocuments)
      .where(and(eq(reportDocuments.reportId, id), eq(reportDocuments.format, format)))
      .get();
    if (stored) return { row, bytes: stored.bytes };
  }
  const { data, fields } = documentOf(ctx.db, row);
  return { row, bytes: await renderReport(data, fields, format) };
}

/**
 * Issues a draft. The files are rendered first (it takes a moment), from the version the
 * issuer saw; they are stored with the record in one transaction, which refuses with 412
 * if the draft was changed meanwhile. The issue date is today's unless the draft set one.
 */
export async function issueReport(
  ctx: ServiceContext,
  id: number,
  expected: number | undefined,
): Promise<Report> {
  const report = getReport(ctx, id);
  assertDraft(report);
  // Refused before the files are rendered, not only when they are stored.
  assertVersion(report.version, expected, 'Báo cáo');
  assertComposer(ctx, report);
  const missing = missingToIssue(report);
  if (missing.length > 0)
    throw invalidFields(missing.map((path) => fieldRefusal(path, 'report.neededToIssue')));
  const issueDate = report.issueDate ?? todayIn(ctx.timeZone, ctx.now);
  const row = { ...rowOf(ctx.db, id), issueDate };
  const { data, fields } = documentOf(ctx.db, row);
  const files = await Promise.all(
    (['docx', 'xlsx', 'csv'] as const).map(async (format) => ({
      format,
      bytes: await renderReport(data, fields, format),
    })),
  );
  return changeDraft(ctx, id, expected ?? report.version, (tx, _before, version) => {
    for (const file of files) {
      tx.insert(reportDocuments)
        .values({
          reportId: id,
          format: file.format,
          bytes: file.bytes,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
        })
        .run();
    }
    tx.update(reports)
      .set({
        status: 'issued',
        issueDate,
        issuedAt: storedNow(ctx.now),
        issuedBy: ctx.actor?.id ?? null,
        version,
        updatedAt: storedNow(ctx.now),
      })
      .where(eq(reports.id, id))
      .run();
  });
}

/** The name a downloaded file takes: `bao-cao-12-BC-CATP_2025-12-15_2026-06-14.docx`. */
export function documentName(
  row: Pick<ReportRow, 'number' | 'symbol' | 'startDate' | 'endDate'>,
  format: DocumentFormat,
) {
  const code = [row.number, row.symbol]
    .filter(Boolean)
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^A-Za-z0-9-]+/g, '');
  return `bao-cao${code ? `-${code}` : ''}_${row.startDate}_${row.endDate}.${format}`;
}

/**
 * A report exported straight from a period (GET /api/reports/export): the figures with the
 * text composed from them and the defaults a new draft would take, dated today, unnumbered.
 */
export function adHocDocument(ctx: ServiceContext, query: SummaryQuery, yearStart: string) {
  const data = gatherReport(ctx, query, yearStart);
  const fields: DocumentFields = {
    kind: data.kind,
    number: '',
    symbol: reportSymbol(data.issuer.symbol),
    place: data.issuer.place,
    issueDate: data.today,
    subject: subjectOf(data.kind, query.endDate),
    sections: composeSections(data).sections,
    recipients: recipientsOf(
      reportedTo(ctx, data.issuer.parentName, query.agencyId === undefined, data.issuer.kind),
      query.agencyId === undefined,
      data.issuer.symbol,
    ),
    signer: { authority: authorityOf(data.issuer.kind), title: '', rank: '', name: '' },
  };
  return { data, fields };
}

// Every table of the product. camelCase keys over explicit snake_case SQL names.
//
// Conventions that the rest of the code relies on:
// - Period dates (`*_date`, `valid_from`, `valid_to`) are `YYYY-MM-DD` text, inclusive.
// - Activity instants (`start_at`, `end_at`) are UTC ISO strings of fixed width
//   (`2024-07-29T17:00:00.000Z`), so that text comparison is time comparison.
// - Editable rows carry `version` (optimistic concurrency, ETag) and ISO timestamps.
// - List-valued fields that are filtered on live in join tables; list-valued reference
//   attributes that are only displayed (unit tags, a type's channels) are JSON text.
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Columns shared by every editable record. */
const tracked = {
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(nowSql),
  updatedAt: text('updated_at').notNull().default(nowSql),
};

// ---------------------------------------------------------------- administrative units

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level', {
      enum: ['province', 'city', 'district', 'town', 'commune', 'ward', 'township'],
    }).notNull(),
    tier: integer('tier').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    notes: text('notes'),
    uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
    ...tracked,
  },
  (t) => [index('units_parent_idx').on(t.parentId)],
);

export const unitSuccessions = sqliteTable(
  'unit_successions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id')
      .notNull()
      .references(() => units.id),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['rename', 'split', 'merge', 'partial'] }).notNull(),
    basis: text('basis'),
    uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('unit_successions_pair_idx').on(t.fromUnitId, t.toUnitId, t.date)],
);

// ---------------------------------------------------------------- agencies

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    notes: text('notes'),
    uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
    /** The body's letters in a document's ký hiệu (`BC-CATP`); admins correct the seeded guess. */
    documentSymbol: text('document_symbol').notNull().default(''),
    /** The line above the body in a document's header (`BỘ CÔNG AN`); empty for a body headed by nothing. */
    parentLine: text('parent_line').notNull().default(''),
    ...tracked,
  },
  (t) => [index('agencies_unit_idx').on(t.unitId)],
);

export const agencySuccessions = sqliteTable(
  'agency_successions',
  {
    fromAgencyId: integer('from_agency_id')
      .notNull()
      .references(() => agencies.id),
    toAgencyId: integer('to_agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.fromAgencyId, t.toAgencyId] })],
);

// ---------------------------------------------------------------- catalogue (keyed by stable code)

export const activityTypes = sqliteTable('activity_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  channelCodes: text('channel_codes', { mode: 'json' }).$type<string[]>().notNull(),
  indicatorCodes: text('indicator_codes', { mode: 'json' }).$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const channels = sqliteTable('channels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const targetGroups = sqliteTable('target_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const indicators = sqliteTable('indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** What one counts: attendance, person, view, message... Figures of different units are never added. */
  unit: text('unit').notNull(),
  /** The word written after a figure ("1.234 lượt người", "20 tấm", "15 pano"), and in English. */
  unitWord: text('unit_word').notNull().default(''),
  unitWordEn: text('unit_word_en').notNull().default(''),
  /** `sum` adds across activities; `max` (unique people reached) never does. */
  aggregation: text('aggregation', { enum: ['sum', 'max'] }).notNull(),
  parentCode: text('parent_code'),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const observances = sqliteTable('observances', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  month: integer('month').notNull(),
  day: integer('day').notNull(),
  endMonth: integer('end_month').notNull(),
  endDay: integer('end_day').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const observanceThemes = sqliteTable(
  'observance_themes',
  {
    observanceCode: text('observance_code')
      .notNull()
      .references(() => observances.code),
    year: integer('year').notNull(),
    theme: text('theme').notNull(),
    themeEn: text('theme_en').notNull().default(''),
    peakStartDate: text('peak_start_date'),
    peakEndDate: text('peak_end_date'),
    uncertain: integer('uncertain', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.observanceCode, t.year] })],
);

// ---------------------------------------------------------------- plans and tasks

export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Document number; unknown for the 2024 plan, hence nullable. */
  code: text('code').unique(),
  title: text('title').notNull(),
  titleEn: text('title_en').notNull().default(''),
  year: integer('year').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  issuerAgencyId: integer('issuer_agency_id').references(() => agencies.id),
  issueDate: text('issue_date'),
  goal: text('goal').notNull().default(''),
  goalEn: text('goal_en').notNull().default(''),
  ...tracked,
});

export const planSections = sqliteTable(
  'plan_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_sections_code_idx').on(t.planId, t.code)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    sectionId: integer('section_id').references(() => planSections.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull().default(''),
    text: text('text').notNull().default(''),
    textEn: text('text_en').notNull().default(''),
    /** "Các sở, ban, ngành, địa phương": every agency leads (or partners), not a list of ids. */
    leadAllAgencies: integer('lead_all_agencies', { mode: 'boolean' }).notNull().default(false),
    partnerAllAgencies: integer('partner_all_agencies', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    ...tracked,
  },
  (t) => [uniqueIndex('tasks_plan_code_idx').on(t.planId, t.code)],
);

export const taskAgencies = sqliteTable(
  'task_agencies',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role', { enum: ['lead', 'partner'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.agencyId, t.role] })],
);

export const taskTargetGroups = sqliteTable(
  'task_target_groups',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    targetGroupCode: text('target_group_code')
      .notNull()
      .references(() => targetGroups.code),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.targetGroupCode] })],
);

export const taskChannels = sqliteTable(
  'task_channels',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    channelCode: text('channel_code')
      .notNull()
      .references(() => channels.code),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.channelCode] })],
);

export const taskActivityTypes = sqliteTable(
  'task_activity_types',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    activityTypeCode: text('activity_type_code')
      .notNull()
      .references(() => activityTypes.code),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.activityTypeCode] })],
);

export const taskTargets = sqliteTable(
  'task_targets',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    value: integer('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.indicatorCode] }),
    check('task_targets_value_check', sql`${t.value} >= 0`),
  ],
);

// ---------------------------------------------------------------- campaigns

export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  theme: text('theme').notNull().default(''),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  leadAgencyId: integer('lead_agency_id').references(() => agencies.id),
  observanceCode: text('observance_code').references(() => observances.code),
  color: text('color'),
  /** A closed campaign takes no new activities; its record and figures stay as they were. */
  closedAt: text('closed_at'),
  closedBy: integer('closed_by'),
  deletedAt: text('deleted_at'),
  deletedBy: integer('deleted_by'),
  ...tracked,
});

export const campaignTasks = sqliteTable(
  'campaign_tasks',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.taskId] })],
);

// ---------------------------------------------------------------- activities

export const activityStatuses = ['planned', 'confirmed', 'done', 'postponed', 'cancelled'] as const;

/** A repeating activity: the rule it was made from. Each occurrence is its own activity. */
export const activitySeries = sqliteTable('activity_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** `{ freq, interval, byWeekday?, byMonthDay?, until?, count? }` as sent (DESIGN §4.1). */
  recurrence: text('recurrence', { mode: 'json' }).notNull().$type<unknown>(),
  createdBy: integer('created_by'),
  ...tracked,
});

/** A named template of activities placed relative to an anchor date (DESIGN §4.1 kits). */
export const kits = sqliteTable('kits', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** `{ month, day }` or `{ observanceCode }`. */
  anchor: text('anchor', { mode: 'json' }).notNull().$type<unknown>(),
  /** `[{ offsetDays, durationDays, title, typeCode, channelCodes, targetGroupCodes, lead, expected }]`. */
  items: text('items', { mode: 'json' }).notNull().$type<unknown[]>(),
  createdBy: integer('created_by'),
  updatedBy: integer('updated_by'),
  deletedAt: text('deleted_at'),
  ...tracked,
});

/** One use of a kit: what it created, so that it can be undone as a whole. */
export const kitApplications = sqliteTable('kit_applications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kitId: integer('kit_id')
    .notNull()
    .references(() => kits.id),
  campaignId: integer('campaign_id').references(() => campaigns.id),
  /** True when the application created its campaign (undo then deletes the campaign too). */
  createdCampaign: integer('created_campaign', { mode: 'boolean' }).notNull().default(false),
  year: integer('year').notNull(),
  agencyIds: text('agency_ids', { mode: 'json' }).notNull().$type<number[]>(),
  unitIds: text('unit_ids', { mode: 'json' }).notNull().$type<number[]>(),
  createdBy: integer('created_by'),
  createdAt: text('created_at').notNull().default(nowSql),
  undoneAt: text('undone_at'),
  undoneBy: integer('undone_by'),
});

/**
 * A spreadsheet brought in (issue 13): its cells as read, the planner's mapping of columns
 * to fields, fixes and dropped rows, until it is committed (its activities then point at it,
 * so that it can be undone as a whole) or discarded.
 */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['activities'] }).notNull(),
  fileName: text('file_name').notNull(),
  /** The year of a date written without one ("30/7"). */
  year: integer('year').notNull(),
  headers: text('headers', { mode: 'json' }).notNull().$type<string[]>(),
  /** Each data row's cells as text, in the file's column order. */
  cells: text('cells', { mode: 'json' }).notNull().$type<string[][]>(),
  /** Column index (as text) → field key. */
  mapping: text('mapping', { mode: 'json' }).notNull().$type<Record<string, string>>(),
  /** Row index (as text) → field key → the planner's corrected text. */
  fixes: text('fixes', { mode: 'json' }).notNull().$type<Record<string, Record<string, string>>>(),
  dropped: text('dropped', { mode: 'json' }).notNull().$type<number[]>(),
  status: text('status', { enum: ['preview', 'committed', 'discarded', 'undone'] }).notNull(),
  activityIds: text('activity_ids', { mode: 'json' }).notNull().$type<number[]>(),
  createdBy: integer('created_by'),
  committedAt: text('committed_at'),
  ...tracked,
});

/** A column heading a user mapped by hand, remembered for their next file. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    userId: integer('user_id').notNull(),
    /** The heading folded (no accents, lower case, single spaces). */
    heading: text('heading').notNull(),
    field: text('field').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.heading] })],
);

/** Weeks the admin marks as busy for a unit or the whole province: exams, festivals. */
export const calendarMarks = sqliteTable(
  'calendar_marks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['exam', 'festival'] }).notNull(),
    name: text('name').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Null: the whole province. */
    unitId: integer('unit_id').references(() => units.id),
    createdBy: integer('created_by'),
    deletedAt: text('deleted_at'),
    ...tracked,
  },
  (t) => [index('calendar_marks_range_idx').on(t.startDate, t.endDate)],
);

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    typeCode: text('type_code')
      .notNull()
      .references(() => activityTypes.code),
    status: text('status', { enum: activityStatuses }).notNull().default('planned'),
    /** Why it was postponed or cancelled; kept when the status moves on, as part of its story. */
    statusNote: text('status_note').notNull().default(''),
    allDay: integer('all_day', { mode: 'boolean' }).notNull(),
    /** UTC instant; for an all-day activity, local midnight of its first day in APP_TIMEZONE. */
    startAt: text('start_at').notNull(),
    /** UTC instant, exclusive. */
    endAt: text('end_at').notNull(),
    /** Local date (APP_TIMEZONE) of the start: decides which periods the activity belongs to. */
    startDate: text('start_date').notNull(),
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    venue: text('venue').notNull().default(''),
    taskId: integer('task_id').references(() => tasks.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** Planned figures by indicator code: `{ "attendances": 600 }`. */
    expected: text('expected', { mode: 'json' }).$type<Record<string, number>>().notNull().default(sql`'{}'`),
    /** The series this is an occurrence of; its place in the series counts from 0. */
    seriesId: integer('series_id').references(() => activitySeries.id),
    seriesPosition: integer('series_position'),
    /** Set once an occurrence is moved, cancelled or edited alone: series edits keep its change. */
    seriesDetached: integer('series_detached', { mode: 'boolean' }).notNull().default(false),
    kitApplicationId: integer('kit_application_id').references(() => kitApplications.id),
    /** The import that brought it in, if one did. */
    importId: integer('import_id').references(() => imports.id),
    createdBy: integer('created_by'),
    updatedBy: integer('updated_by'),
    deletedAt: text('deleted_at'),
    deletedBy: integer('deleted_by'),
    ...tracked,
  },
  (t) => [
    index('activities_range_idx').on(t.startAt, t.endAt),
    // Reports select a period by local start date.
    index('activities_start_date_idx').on(t.startDate),
    index('activities_lead_idx').on(t.leadAgencyId),
    index('activities_campaign_idx').on(t.campaignId),
    index('activities_task_idx').on(t.taskId),
    index('activities_series_idx').on(t.seriesId),
    index('activities_kit_application_idx').on(t.kitApplicationId),
    index('activities_import_idx').on(t.importId),
    check('activities_range_check', sql`${t.endAt} > ${t.startAt}`),
  ],
);

export const activityPartners = sqliteTable(
  'activity_partners',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.agencyId] }),
    index('activity_partners_agency_idx').on(t.agencyId),
  ],
);

export const activityUnits = sqliteTable(
  'activity_units',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.unitId] }), index('activity_units_unit_idx').on(t.unitId)],
);

export const activityTargetGroups = sqliteTable(
  'activity_target_groups',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    targetGroupCode: text('target_group_code')
      .notNull()
      .references(() => targetGroups.code),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.targetGroupCode] })],
);

export const activityChannels = sqliteTable(
  'activity_channels',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    channelCode: text('channel_code')
      .notNull()
      .references(() => channels.code),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.channelCode] })],
);

// ---------------------------------------------------------------- audit and seeding

/**
 * Append-only: triggers in the migrations refuse UPDATE and DELETE. No foreign keys on
 * purpose: an audit row must outlive whatever it describes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(nowSql),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    requestId: text('request_id'),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** Which seed steps have run, so that a second start changes nothing. */
export const seedRuns = sqliteTable('seed_runs', {
  step: text('step').primaryKey(),
  appliedAt: text('applied_at').notNull().default(nowSql),
});

// ---------------------------------------------------------------- accounts

export const roles = ['admin', 'coordinator', 'agency_editor', 'unit_reporter', 'viewer'] as const;

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stored in NFC lower case: "Nguyễn" typed on any keyboard signs in the same user. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`; never leaves the server. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: roles }).notNull(),
  agencyId: integer('agency_id').references(() => agencies.id),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  ...tracked,
});

/** The units a unit reporter may report for. */
export const userUnits = sqliteTable(
  'user_units',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitId] })],
);

/** Sign-in sessions. Only a hash of the cookie's token is kept, so a copy of the database signs nobody in. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    endedAt: text('ended_at'),
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Personal API tokens (`Authorization: Bearer`) and calendar feed tokens; stored hashed, shown once. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['api', 'feed'] }).notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull().default(nowSql),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Read-only links to a filtered calendar for leaders without an account. */
export const shareLinks = sqliteTable('share_links', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  note: text('note').notNull().default(''),
  /** The activity filters the link is limited to (agencyId, unitId, campaignId...). */
  filter: text('filter', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull().default(nowSql),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
  useCount: integer('use_count').notNull().default(0),
  lastUsedAt: text('last_used_at'),
});

// ---------------------------------------------------------------- results and period locks

export const reviewStatuses = ['submitted', 'accepted', 'returned'] as const;

/**
 * What a held activity achieved: one result per activity, reviewed by a coordinator.
 * Figures are whole counts by indicator code, each in its indicator's own unit.
 */
export const results = sqliteTable(
  'results',
  {
    activityId: integer('activity_id')
      .primaryKey()
      .references(() => activities.id),
    values: text('values', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    notes: text('notes').notNull().default(''),
    links: text('links', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** When it really took place, if not as planned: UTC instants like the activity's. */
    actualStartAt: text('actual_start_at'),
    actualEndAt: text('actual_end_at'),
    reviewStatus: text('review_status', { enum: reviewStatuses }).notNull().default('submitted'),
    /** Why it was returned; cleared when the author sends it again (the audit keeps it). */
    reviewNote: text('review_note').notNull().default(''),
    submittedBy: integer('submitted_by'),
    submittedAt: text('submitted_at').notNull().default(nowSql),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    ...tracked,
  },
  (t) => [index('results_review_idx').on(t.reviewStatus)],
);

/**
 * An approved reporting period: activities that start inside it and their results are
 * read-only. Unlocking keeps the row (who unlocked it and when), so the history stays.
 */
export const periodLocks = sqliteTable(
  'period_locks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull().default(nowSql),
    unlockedBy: integer('unlocked_by'),
    unlockedAt: text('unlocked_at'),
  },
  (t) => [
    index('period_locks_range_idx').on(t.startDate, t.endDate),
    check('period_locks_order_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * Photos and documents of a result. The file lives under UPLOAD_DIR by a generated name;
 * the name the user gave is kept for the download only. Soft deleted, like activities.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind', { enum: ['photo', 'document'] }).notNull(),
    /** As the user named it (NFC, without any folder part). */
    fileName: text('file_name').notNull(),
    /** Generated (`<uuid>.<ext>`): never derived from what the user sent. */
    storedName: text('stored_name').notNull().unique(),
    /** Sniffed from the content, not taken from the upload's headers. */
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    createdBy: integer('created_by'),
    createdAt: text('created_at').notNull().default(nowSql),
    deletedAt: text('deleted_at'),
    deletedBy: integer('deleted_by'),
  },
  (t) => [index('attachments_activity_idx').on(t.activityId)],
);

// ---------------------------------------------------------------- reports

/**
 * A report as a record (DESIGN §4.1): what the official decides (kind, number, signer,
 * recipients, each section's text) and the figures it was composed from, frozen when issued.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['half_year', 'year', 'campaign', 'custom'] }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Null for a province-wide report; else that agency's own (its activities as lead or partner). */
    agencyId: integer('agency_id').references(() => agencies.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    basis: text('basis', { enum: ['accepted', 'submitted'] })
      .notNull()
      .default('accepted'),
    issuerAgencyId: integer('issuer_agency_id')
      .notNull()
      .references(() => agencies.id),
    parentLine: text('parent_line').notNull().default(''),
    number: text('number').notNull().default(''),
    symbol: text('symbol').notNull().default(''),
    place: text('place').notNull().default(''),
    issueDate: text('issue_date'),
    subject: text('subject').notNull().default(''),
    /** `[{ key, title, text, edited }]` in the outline's order. */
    sections: text('sections', { mode: 'json' }).notNull().$type<unknown[]>(),
    recipients: text('recipients', { mode: 'json' }).notNull().$type<string[]>(),
    signer: text('signer', { mode: 'json' })
      .notNull()
      .$type<{ authority: string; title: string; rank: string; name: string }>(),
    /** The figures the sections were composed from (ReportData), as of `computedAt`. */
    figures: text('figures', { mode: 'json' }).notNull().$type<unknown>(),
    computedAt: text('computed_at').notNull(),
    status: text('status', { enum: ['draft', 'issued'] })
      .notNull()
      .default('draft'),
    issuedAt: text('issued_at'),
    issuedBy: integer('issued_by'),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => reports.id),
    createdBy: integer('created_by'),
    deletedAt: text('deleted_at'),
    ...tracked,
  },
  (t) => [index('reports_period_idx').on(t.startDate, t.endDate)],
);

/** The files of an issued report, kept as they were issued: the same bytes every time. */
export const reportDocuments = sqliteTable(
  'report_documents',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    format: text('format', { enum: ['docx', 'xlsx', 'csv'] }).notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.format] })],
);

// Audit rows as people read them: when (30/7/2025 14:05 on the deployment's clock), who,
// did what, to what; and, on request, which fields changed from what to what.
import { type ActivityStatus, activityStatuses } from '../../api/activities';
import type { AuditEntry } from '../../api/audit';
import { type Role, roles } from '../../api/auth';
import { useTimeZone } from '../../app/timeZone';
import { TableRegion } from '../../components/Table';
import { type Translate, useT } from '../../i18n/context';
import { formatInstant, formatIsoDay } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/vi';

const actionKeys: Record<string, MessageKey> = {
  create: 'audit.action.create',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  restore: 'audit.action.restore',
  login: 'audit.action.login',
  logout: 'audit.action.logout',
  refused: 'audit.action.refused',
};

/** The entity types the server records, with their names; others show as recorded. */
export const entityTypeKeys: Record<string, MessageKey> = {
  activity: 'entity.activity',
  campaign: 'entity.campaign',
  plan: 'entity.plan',
  task: 'entity.task',
  agency: 'entity.agency',
  unit: 'entity.unit',
  user: 'entity.user',
  api_token: 'entity.api_token',
  share_link: 'entity.share_link',
  'catalog.activity-types': 'entity.catalog.activity-types',
  'catalog.channels': 'entity.catalog.channels',
  'catalog.target-groups': 'entity.catalog.target-groups',
  'catalog.indicators': 'entity.catalog.indicators',
  'catalog.observances': 'entity.catalog.observances',
  'catalog.observance-themes': 'entity.catalog.observance-themes',
};

export function actionLabel(action: string, t: Translate): string {
  const key = actionKeys[action];
  return key ? t(key) : action;
}

export function entityTypeLabel(entityType: string, t: Translate): string {
  const key = entityTypeKeys[entityType];
  return key ? t(key) : entityType;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a snapshot calls its record: an activity's title, a user's name, a catalogue code. */
function recordName(entry: AuditEntry): string | undefined {
  for (const snapshot of [entry.after, entry.before]) {
    if (!isRecord(snapshot)) continue;
    for (const key of ['title', 'displayName', 'name', 'theme', 'username', 'code']) {
      const value = snapshot[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return undefined;
}

/** `Người dùng “Nguyễn Văn A” (#3)`, or what a refusal was about. */
export function describeTarget(entry: AuditEntry, t: Translate, userName?: (id: number) => string): string {
  const type = entityTypeLabel(entry.entityType, t);
  const name =
    recordName(entry) ??
    (entry.entityType === 'user' && entry.entityId && userName ? userName(entry.entityId) : undefined);
  const id = entry.entityId ? ` #${entry.entityId}` : '';
  return name ? `${type} “${name}”${id}` : `${type}${id}`;
}

/** Raw, for a refusal's route and method. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value || '""';
  return JSON.stringify(value);
}

/** Field names of the records the trail keeps, as the screens call them. */
const fieldKeys: Record<string, MessageKey> = {
  title: 'field.title',
  description: 'field.description',
  typeCode: 'field.typeCode',
  channelCodes: 'field.channelCodes',
  status: 'field.status',
  allDay: 'field.allDay',
  start: 'field.start',
  end: 'field.end',
  leadAgencyId: 'field.leadAgencyId',
  partnerAgencyIds: 'field.partnerAgencyIds',
  unitIds: 'field.unitIds',
  venue: 'field.venue',
  targetGroupCodes: 'field.targetGroupCodes',
  expected: 'field.expected',
  deletedAt: 'field.deletedAt',
  code: 'common.code',
  name: 'field.name',
  shortName: 'field.shortName',
  nameEn: 'common.nameEn',
  kind: 'field.kind',
  validFrom: 'common.validFrom',
  validTo: 'common.validTo',
  successorIds: 'agencies.successors',
  level: 'units.level',
  parentId: 'units.parent',
  tags: 'units.tags',
  username: 'users.username',
  displayName: 'users.displayName',
  role: 'users.role',
  agencyId: 'users.agency',
  disabled: 'users.status',
  address: 'field.address',
  theme: 'catalog.theme',
  themeEn: 'catalog.themeEn',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A recorded value as the screens show it: labels for statuses and roles, dates as 30/7/2025. */
function showValue(field: string, value: unknown, t: Translate, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') {
    if (field === 'disabled') return value ? t('users.disabled') : t('users.active');
    return value ? t('common.yes') : t('common.no');
  }
  if (typeof value === 'string') {
    if (field === 'status' && (activityStatuses as readonly string[]).includes(value)) {
      return t(`status.${value as ActivityStatus}`);
    }
    if (field === 'role' && (roles as readonly string[]).includes(value)) return t(`role.${value as Role}`);
    if (isoDate.test(value)) return formatIsoDay(value);
    if (isoInstant.test(value)) return formatInstant(value, timeZone);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => show(item)).join(', ');
  return show(value);
}

/** Bookkeeping that changes with every write and says nothing to a reader. */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy']);

/** The fields that differ between the two snapshots (all of them for a creation or deletion). */
export function changes(
  entry: AuditEntry,
  t: Translate,
  timeZone: string,
): Array<{ field: string; label: string; before: string; after: string }> {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const label = (field: string) => {
    const key = fieldKeys[field];
    return key ? t(key) : field;
  };
  return fields
    .filter((field) => !bookkeeping.has(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({
      field,
      label: label(field),
      before: field in before ? showValue(field, before[field], t, timeZone) : '',
      after: field in after ? showValue(field, after[field], t, timeZone) : '',
    }));
}

/** The before/after of one row, behind a disclosure so that the list stays readable. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const timeZone = useTimeZone();
  const rows = changes(entry, t, timeZone);
  if (rows.length === 0) return null;
  return (
    <details className="audit-changes">
      <summary>{t('audit.showChanges', { count: rows.length })}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row" title={row.field}>
                {row.label}
              </th>
              <td className="audit-changes__value audit-changes__value--before">{row.before}</td>
              <td className="audit-changes__value">{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** One audit row as a table row: when, who, action, what, and its changes. */
function AuditRow({
  entry,
  userName,
  showTarget = true,
}: {
  entry: AuditEntry;
  userName: (id: number) => string;
  showTarget?: boolean;
}) {
  const t = useT();
  const timeZone = useTimeZone();
  const refusal = entry.action === 'refused' && isRecord(entry.after) ? entry.after : null;
  return (
    <tr>
      <td className="table__nowrap" data-label={t('audit.at')}>
        <time dateTime={entry.at}>{formatInstant(entry.at, timeZone)}</time>
      </td>
      <td data-label={t('audit.actor')}>
        {entry.actorId === null ? t('audit.system') : userName(entry.actorId)}
      </td>
      <td data-label={t('audit.action')}>
        <span className={`badge badge--${entry.action}`}>{actionLabel(entry.action, t)}</span>
      </td>
      {showTarget ? <td data-label={t('audit.target')}>{describeTarget(entry, t, userName)}</td> : null}
      <td data-label={t('audit.details')}>
        {refusal ? (
          <p className="audit-refusal">
            {show(refusal.reason)}
            <span className="table__sub table__code">
              {show(refusal.method)} {show(refusal.route)}
            </span>
          </p>
        ) : (
          <AuditChanges entry={entry} />
        )}
      </td>
    </tr>
  );
}

/** Audit rows as a table (one card a row on a phone), under a caption that says how many there are. */
export function AuditTable({
  label,
  caption,
  entries,
  userName,
  showTarget = true,
}: {
  label: string;
  caption: string;
  entries: readonly AuditEntry[];
  userName: (id: number) => string;
  showTarget?: boolean;
}) {
  const t = useT();
  return (
    <TableRegion label={label}>
      <table className="table table--stack">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            {showTarget ? <th scope="col">{t('audit.target')}</th> : null}
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} userName={userName} showTarget={showTarget} />
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

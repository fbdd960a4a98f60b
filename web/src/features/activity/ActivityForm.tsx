// The activity form, in a dialog: a new activity over the days chosen on the calendar, an
// edit (sending only what changed, with the version read), or a copy. Every field of the API's
// ActivityInput is here; the page checks them with the contract's ActivityInput before it
// sends, the server judges the rest (scope, validity on the day), and every refusal comes
// back to the field it names and to a summary above the form.
import './activity.css';
import { useMemo, useState } from 'react';
import { type Activity, type SeriesScope, updateActivity } from '../../api/activities';
import type { User } from '../../api/auth';
import { actsProvinceWide, canConfirmActivities } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { useLoad } from '../../lib/useLoad';
import { ActivityFields, fieldNames } from './ActivityFields';
import { type FormChoices, loadFormChoices, plannedIndicators } from './formChoices';
import {
  type ActivityFormValues,
  activitySchema,
  activityValues,
  changeOf,
  newActivityValues,
  type Selection,
  startDateOf,
} from './formValues';
import { PlanningHints } from './PlanningHints';
import { noRepeat, repeatCount } from './repeat';
import { createRepeated, RepeatFields, ScopeQuestion, savedActivity, savedNote } from './series';

/** What the form is opened for. */
export type FormRequest =
  | { kind: 'create'; selection: Selection; campaignId?: number | undefined }
  | { kind: 'edit'; activity: Activity }
  | { kind: 'duplicate'; activity: Activity };

const titles = {
  create: 'activityForm.createTitle',
  edit: 'activityForm.editTitle',
  duplicate: 'activityForm.duplicateTitle',
} as const;

export function ActivityFormDialog({
  request,
  onSaved,
  onClose,
}: {
  request: FormRequest;
  /** `note` says what a series save did (occurrences created, changed, left alone). */
  onSaved: (activity: Activity, note: string | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const choices = useLoad(['activity-form-choices'], loadFormChoices);
  return (
    <Dialog title={t(titles[request.kind])} onClose={onClose} wide>
      {choices.error ? (
        <ErrorAlert title={t('activityForm.loadFailed')} error={choices.error} onRetry={choices.reload} />
      ) : null}
      {choices.data ? (
        <ActivityForm request={request} choices={choices.data} onSaved={onSaved} onClose={onClose} />
      ) : choices.error ? null : (
        <Loading />
      )}
    </Dialog>
  );
}

function ActivityForm({
  request,
  choices,
  onSaved,
  onClose,
}: {
  request: FormRequest;
  choices: FormChoices;
  onSaved: (activity: Activity, note: string | null) => void;
  onClose: () => void;
}) {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const schema = useMemo(() => activitySchema(timeZone, t), [timeZone, t]);
  // Read once: the form starts from them and keeps what is typed afterwards.
  const [defaultValues] = useState(() => initialValues(request, user, choices, timeZone, t));
  // A new activity may repeat; an edit of an occurrence says which occurrences it reaches.
  const [repeat, setRepeat] = useState(noRepeat);
  const [scope, setScope] = useState<SeriesScope>('this');
  const inSeries = request.kind === 'edit' && request.activity.seriesId !== null;
  const editor = useRecordForm({
    schema,
    defaultValues,
    // The server's refusals may name a planned figure: the fields follow the chosen type.
    fields: (values) => [
      ...fieldNames,
      'recurrence',
      ...plannedIndicators(choices, values.typeCode, Object.keys(values.expected)).map(
        (indicator) => `expected.${indicator.code}`,
      ),
    ],
    save: (input) => {
      rememberType(input.typeCode);
      if (request.kind !== 'edit') return createRepeated(input, repeat, t);
      const { activity } = request;
      const changes = changeOf(input, activity);
      return Object.keys(changes).length > 0
        ? updateActivity(activity.id, changes, activity.version, inSeries ? scope : undefined)
        : Promise.resolve(activity);
    },
    onSaved: (saved) => {
      const activity = savedActivity(saved);
      if (activity) onSaved(activity, savedNote(saved, t));
    },
  });
  const { values, change } = editor;
  const indicators = plannedIndicators(choices, values.typeCode, Object.keys(values.expected));

  return (
    <form ref={editor.form} className="form activity-form" onSubmit={editor.submit} noValidate>
      <ErrorSummary errors={editor.errors} general={editor.general} indicators={indicators} />
      <ActivityFields
        values={values}
        change={change}
        errors={editor.errors}
        choices={choices}
        indicators={indicators}
        leadFixed={!actsProvinceWide(user.role)}
        mayConfirm={canConfirmActivities(user.role)}
        currentStatus={request.kind === 'edit' ? request.activity.status : null}
        unitsAllowed={user.role === 'unit_reporter' ? user.unitIds : null}
        today={todayIn(timeZone)}
        brief={request.kind === 'create'}
        afterWhen={
          request.kind === 'edit' ? null : (
            <RepeatFields
              repeat={repeat}
              onChange={setRepeat}
              firstDay={startDateOf(values) ?? null}
              error={editor.errors.recurrence}
            />
          )
        }
      />
      <PlanningHints
        values={values}
        choices={choices}
        excludeId={request.kind === 'edit' ? request.activity.id : undefined}
      />
      {inSeries ? (
        <ScopeQuestion
          activity={request.activity}
          intro="series.editIntro"
          value={scope}
          onChange={setScope}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={editor.busy}>
          {editor.busy
            ? t('common.saving')
            : submitLabel(t, request.kind, repeatCount(repeat, startDateOf(values) ?? null))}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Tạo hoạt động", or for a series how many it creates: "Tạo 13 hoạt động". */
function submitLabel(t: Translate, kind: FormRequest['kind'], occurrences: number | null): string {
  if (kind === 'edit') return t('common.save');
  return occurrences === null
    ? t('activityForm.createSubmit')
    : t('series.createSubmit', { count: occurrences });
}

function initialValues(
  request: FormRequest,
  user: User,
  choices: FormChoices,
  timeZone: string,
  t: Translate,
): ActivityFormValues {
  // An agency's editor or a unit's reporter writes only what their agency leads.
  const ownAgency = actsProvinceWide(user.role) ? null : user.agencyId;
  if (request.kind === 'create') {
    return newActivityValues(request.selection, timeZone, {
      // Anyone with an agency most often plans for it; a coordinator may still change it.
      leadAgencyId: user.agencyId,
      typeCode: lastTypeCode(choices),
      campaignId: campaignFor(choices, request.campaignId, request.selection.start.slice(0, 10)),
    });
  }
  const values = activityValues(request.activity, timeZone);
  if (request.kind === 'edit') return values;
  return {
    ...values,
    title: t('activityForm.copyTitle', { title: values.title }),
    // A copy starts a new life: planned, not yet approved, with nothing to explain.
    status: 'planned',
    statusNote: '',
    leadAgencyId: ownAgency === null ? values.leadAgencyId : String(ownAgency),
    // A unit's reporter keeps only the units they answer for.
    unitIds:
      user.role === 'unit_reporter'
        ? values.unitIds.filter((unitId) => user.unitIds.includes(unitId))
        : values.unitIds,
  };
}

/**
 * Every reason the save was refused, at the top of the form: the fields' own messages (each
 * also under its field) and those that belong to no field.
 */
function ErrorSummary({
  errors,
  general,
  indicators,
}: {
  errors: Partial<Record<string, string>>;
  general: string[];
  indicators: readonly { code: string; name: string }[];
}) {
  const t = useT();
  const labelOf = (field: string) => {
    const indicator = indicators.find((entry) => `expected.${entry.code}` === field);
    if (indicator) return indicator.name;
    if (field === 'recurrence') return t('series.repeat');
    return (fieldNames as readonly string[]).includes(field)
      ? t(`activityForm.field.${field as (typeof fieldNames)[number]}`)
      : field;
  };
  const fieldMessages = Object.entries(errors).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  if (fieldMessages.length === 0 && general.length === 0) return null;
  return (
    <div className="error-box form-errors" role="alert">
      <p className="form-errors__title">{t('form.failed')}</p>
      <ul>
        {fieldMessages.map(([field, message]) => (
          <li key={field}>
            {labelOf(field)}: {message}
          </li>
        ))}
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The type a user last saved, remembered on this device: people plan the same kind of work in runs. */
const LAST_TYPE_KEY = 'activity-form.last-type';

function rememberType(typeCode: string): void {
  try {
    localStorage.setItem(LAST_TYPE_KEY, typeCode);
  } catch {
    // A browser that keeps nothing (private mode, full storage) only loses the convenience.
  }
}

function lastTypeCode(choices: FormChoices): string | null {
  let code: string | null = null;
  try {
    code = localStorage.getItem(LAST_TYPE_KEY);
  } catch {
    return null;
  }
  return choices.catalog.activityTypes.some((type) => type.code === code) ? code : null;
}

/**
 * The campaign a new activity joins: the one the calendar is filtered by, else the open campaign
 * whose window holds the day (the most recently started, when windows overlap).
 */
function campaignFor(choices: FormChoices, filtered: number | undefined, day: string): number | null {
  const open = choices.campaigns.filter((campaign) => campaign.closedAt === null);
  if (filtered !== undefined && open.some((campaign) => campaign.id === filtered)) return filtered;
  const holding = open
    .filter((campaign) => campaign.startDate <= day && day <= campaign.endDate)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  return holding[0]?.id ?? null;
}

// Recurring series in the web (issue 12 point 3): the "Lặp lại" section of the create form
// with its one-line summary, the question of which occurrences a change reaches ("this one",
// "this and following", "all"), and the words for what a series edit did and left alone.
import './series.css';
import { useId } from 'react';
import {
  type Activity,
  type ActivityChanged,
  type ActivityInput,
  createActivity,
  createSeries,
  type SeriesCreated,
  type SeriesScope,
} from '../../api/activities';
import { ApiError } from '../../api/client';
import { DateField, SelectField, TextField } from '../../components/form';
import { type Translate, useT } from '../../i18n/context';
import { formatIsoDay, parseDay } from '../../i18n/dates';
import { type Repeat, recurrenceOf, repeatSummary, weekdayOf, weekdays } from './repeat';

/** The "Lặp lại" section of the create form. */
export function RepeatFields({
  repeat,
  onChange,
  firstDay,
  error,
}: {
  repeat: Repeat;
  onChange: (repeat: Repeat) => void;
  firstDay: string | null;
  /** The server's refusal of the rule (an end before the start, too many occurrences). */
  error?: string | undefined;
}) {
  const t = useT();
  const change = (patch: Partial<Repeat>) => onChange({ ...repeat, ...patch });
  const rule = recurrenceOf(repeat, firstDay);
  const chooseFreq = (freq: Repeat['freq']) => {
    // A new rule starts from the first day: its weekday, its day of the month, its year's end.
    const start = firstDay ?? '';
    change({
      freq,
      weekdays: repeat.weekdays.length > 0 || !start ? repeat.weekdays : [weekdayOf(start)],
      monthDay: repeat.monthDay || (start ? String(parseDay(start).day) : ''),
      until: repeat.until || (start ? formatIsoDay(`${start.slice(0, 4)}-12-31`) : ''),
    });
  };
  const summary = rule && firstDay ? repeatSummary(rule, firstDay, t) : t('series.unreadable');
  return (
    <fieldset className="fieldset activity-form__section series-fields">
      <legend className="activity-form__legend">{t('series.repeat')}</legend>
      <div className="form__grid">
        <SelectField
          label={t('series.freq')}
          value={repeat.freq}
          onChange={(value) => chooseFreq(value as Repeat['freq'])}
        >
          <option value="none">{t('series.freq.none')}</option>
          <option value="weekly">{t('series.freq.weekly')}</option>
          <option value="monthly">{t('series.freq.monthly')}</option>
        </SelectField>
        {repeat.freq === 'none' ? null : (
          <TextField
            label={t(repeat.freq === 'weekly' ? 'series.interval.weekly' : 'series.interval.monthly')}
            value={repeat.interval}
            onChange={(interval) => change({ interval })}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </div>
      {repeat.freq === 'none' ? null : (
        <>
          {repeat.freq === 'weekly' ? (
            <WeekdayChoice chosen={repeat.weekdays} onChange={(days) => change({ weekdays: days })} />
          ) : (
            <TextField
              label={t('series.monthDay')}
              value={repeat.monthDay}
              onChange={(monthDay) => change({ monthDay })}
              hint={t('series.monthDayHint')}
              inputMode="numeric"
              autoComplete="off"
            />
          )}
          <div className="series-fields__end">
            <Radios
              legend={t('series.end')}
              value={repeat.endKind}
              options={[
                { value: 'until', label: t('series.end.until') },
                { value: 'count', label: t('series.end.count') },
              ]}
              onChange={(endKind) => change({ endKind })}
            />
            {repeat.endKind === 'until' ? (
              <DateField
                label={t('series.until')}
                value={repeat.until}
                onChange={(until) => change({ until })}
              />
            ) : (
              <TextField
                label={t('series.count')}
                value={repeat.count}
                onChange={(count) => change({ count })}
                inputMode="numeric"
                autoComplete="off"
              />
            )}
          </div>
          <p className="series-fields__summary" aria-live="polite">
            {summary}
          </p>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
    </fieldset>
  );
}

function WeekdayChoice({ chosen, onChange }: { chosen: number[]; onChange: (days: number[]) => void }) {
  const t = useT();
  const toggle = (day: number, on: boolean) =>
    onChange(on ? [...chosen, day].sort((a, b) => a - b) : chosen.filter((entry) => entry !== day));
  return (
    <fieldset className="series-fields__weekdays">
      <legend>{t('series.weekdays')}</legend>
      {weekdays.map((day) => (
        <label key={day} className="series-fields__weekday" title={t(`series.dayName.${day}`)}>
          <input
            type="checkbox"
            checked={chosen.includes(day)}
            onChange={(event) => toggle(day, event.target.checked)}
            aria-label={t(`series.dayName.${day}`)}
          />
          {t(`series.day.${day}`)}
        </label>
      ))}
    </fieldset>
  );
}

function Radios<V extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="series-radios">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="series-radios__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What a series edit did, in words: how many changed, and each left alone with its date and why. */
export function seriesOutcomeText(
  changed: Activity | ActivityChanged,
  t: Translate,
  done: 'series.outcome' | 'series.deleted' = 'series.outcome',
): string | null {
  if (!('series' in changed) || !changed.series) return null;
  const { updated, skipped } = changed.series;
  const said = t(done, { count: updated.length });
  if (skipped.length === 0) return said;
  const list = skipped
    .map((entry) => `${formatIsoDay(entry.start.slice(0, 10))} (${t(`series.reason.${entry.reason}`)})`)
    .join(', ');
  return `${said} ${t('series.skipped', { count: skipped.length, list })}`;
}

/**
 * A new activity, or with a repeat rule every occurrence of its series. A rule the section
 * cannot read is refused here, at the section, rather than sent as a single activity.
 */
export function createRepeated(
  input: ActivityInput,
  repeat: Repeat,
  t: Translate,
): Promise<Activity | SeriesCreated> {
  const rule = recurrenceOf(repeat, input.start.slice(0, 10));
  if (rule === null) return createActivity(input);
  if (rule === undefined) {
    const message = t('series.unreadable');
    return Promise.reject(
      new ApiError({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message,
        details: [{ path: 'recurrence', message }],
      }),
    );
  }
  return createSeries(input, rule);
}

/** What the calendar says after a save: a series created, a series edit's outcome, or null. */
export function savedNote(saved: Activity | ActivityChanged | SeriesCreated, t: Translate): string | null {
  if ('items' in saved) {
    return t('series.created', { count: saved.items.length, title: saved.items[0]?.title ?? '' });
  }
  // One occurrence changed and none left alone: the plain "saved" says it.
  if ('series' in saved && saved.series?.updated.length === 1 && saved.series.skipped.length === 0)
    return null;
  return seriesOutcomeText(saved, t);
}

/** The activity a save gave back: the first occurrence of a series. */
export function savedActivity(saved: Activity | ActivityChanged | SeriesCreated): Activity | undefined {
  return 'items' in saved ? saved.items[0] : saved;
}

/**
 * The question an edit or a delete of an occurrence asks: which occurrences it reaches.
 * "This one" first, as what a person most often means, and what a drag on the calendar does.
 */
export function ScopeQuestion({
  activity,
  intro,
  value,
  onChange,
}: {
  activity: Activity;
  intro: 'series.editIntro' | 'series.deleteIntro';
  value: SeriesScope;
  onChange: (scope: SeriesScope) => void;
}) {
  const t = useT();
  // The question is the group's name: a screen reader says it with each choice.
  return (
    <div className="series-scope">
      <Radios
        legend={t(intro)}
        value={value}
        options={(['this', 'following', 'all'] as const).map((scope) => ({
          value: scope,
          label: t(`series.scope.${scope}`),
        }))}
        onChange={onChange}
      />
      {activity.seriesDetached ? <p className="field__hint">{t('series.detachedHint')}</p> : null}
    </div>
  );
}

/** "Lần thứ 3 của một chuỗi lặp lại", for the activity's details. */
export function seriesPositionText(activity: Activity, t: Translate): string | null {
  if (activity.seriesId === null) return null;
  const position = t('series.position', { n: (activity.seriesPosition ?? 0) + 1 });
  return activity.seriesDetached ? `${position} (${t('series.detached')})` : position;
}

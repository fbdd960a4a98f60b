// Copying a plan into a new year (issue 13 point 7): the planner picks the year, reads the
// preview (the new plan, its campaigns, every agency replaced and every date to look at),
// confirms each replacement, decides each split or dissolved agency, and only then creates
// it. Nothing is stored before the last button.
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Agency } from '../../api/agencies';
import { copyPlan, type Plan, type PlanCopyPreview } from '../../api/plans';
import { navigate } from '../../app/router';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, dayText, SelectField, TextField } from '../../components/form';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn, weekdayName } from '../../i18n/dates';
import { agencyName, byName, validOn } from '../../lib/names';

type Entry = PlanCopyPreview['replacements'][number];
/** A decision for an unresolved agency: the ids that take its place, as the select's value. */
type Decision = string;
const DROP = 'drop';

/** The year a copy most likely goes to: the one after this year, and after the plan's. */
function nextYear(plan: Plan, timeZone: string): number {
  return Math.max(plan.year, Number(todayIn(timeZone).slice(0, 4))) + 1;
}

const names = (entry: Entry) => entry.to.map((to) => to.name).join(', ');

function DateReviews({ preview, t }: { preview: PlanCopyPreview; t: Translate }) {
  const [language] = useLanguage();
  if (preview.dates.length === 0) return null;
  return (
    <section className="plan-copy__section">
      <h3>{t('planCopy.dates')}</h3>
      <ul>
        {preview.dates.map((review) => (
          <li key={`${review.what}-${review.from}`}>
            {review.reason === 'leapDay'
              ? t('planCopy.date.leapDay', {
                  what: review.what,
                  from: dayText(review.from),
                  to: dayText(review.to),
                  year: String(preview.plan.year),
                })
              : t('planCopy.date.weekBound', {
                  what: review.what,
                  fromDay: weekdayName(review.from, language),
                  from: dayText(review.from),
                  toDay: weekdayName(review.to, language),
                  to: dayText(review.to),
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Replacements({
  entries,
  confirmed,
  onConfirm,
  t,
}: {
  entries: Entry[];
  confirmed: Set<number>;
  onConfirm: (ids: number[], on: boolean) => void;
  t: Translate;
}) {
  if (entries.length === 0) return null;
  return (
    <fieldset className="fieldset plan-copy__section">
      <legend>{t('planCopy.replacements', { count: String(entries.length) })}</legend>
      <p className="field__hint">{t('planCopy.replacementsIntro')}</p>
      <ul className="plan-copy__list">
        {entries.map((entry) => (
          <li key={entry.from.id}>
            <CheckboxField
              label={t('planCopy.replacement', { from: entry.from.name, to: names(entry) })}
              checked={confirmed.has(entry.from.id)}
              onChange={(on) => onConfirm([entry.from.id], on)}
            />
            <span className="plan-copy__note">
              {entry.endedOn ? `${t('planCopy.ended', { date: dayText(entry.endedOn) })} · ` : ''}
              {t('planCopy.usedIn', { places: entry.usedIn.join(', ') })}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() =>
          onConfirm(
            entries.map((entry) => entry.from.id),
            true,
          )
        }
      >
        {t('planCopy.confirmAll')}
      </button>
    </fieldset>
  );
}

function Unresolved({
  entries,
  decisions,
  onDecide,
  others,
  t,
}: {
  entries: Entry[];
  decisions: Map<number, Decision>;
  onDecide: (from: number, decision: Decision) => void;
  others: Agency[];
  t: Translate;
}) {
  const [language] = useLanguage();
  if (entries.length === 0) return null;
  return (
    <fieldset className="fieldset plan-copy__section">
      <legend>{t('planCopy.unresolved', { count: String(entries.length) })}</legend>
      {entries.map((entry) => (
        <div key={entry.from.id} className="plan-copy__decision">
          <p>
            {t(entry.reason === 'split' ? 'planCopy.unresolved.split' : 'planCopy.unresolved.ended', {
              from: entry.from.name,
              date: dayText(entry.endedOn),
              to: names(entry),
            })}{' '}
            <span className="plan-copy__note">
              {t('planCopy.usedIn', { places: entry.usedIn.join(', ') })}
            </span>
          </p>
          <SelectField
            label={t('planCopy.choose', { from: entry.from.name })}
            value={decisions.get(entry.from.id) ?? ''}
            onChange={(value) => onDecide(entry.from.id, value)}
          >
            <option value="">{t('planCopy.choose.none')}</option>
            {entry.to.map((to) => (
              <option key={to.id} value={String(to.id)}>
                {to.name}
              </option>
            ))}
            {entry.to.length > 1 ? (
              <option value={entry.to.map((to) => to.id).join(',')}>
                {t('planCopy.choose.all', { names: names(entry) })}
              </option>
            ) : null}
            <option value={DROP}>{t('planCopy.choose.drop')}</option>
            <optgroup label={t('planCopy.choose.others')}>
              {others.map((agency) => (
                <option key={agency.id} value={String(agency.id)}>
                  {agencyName(agency, language)}
                </option>
              ))}
            </optgroup>
          </SelectField>
        </div>
      ))}
    </fieldset>
  );
}

/** The decisions as the API takes them. */
function choicesOf(decisions: Map<number, Decision>) {
  return [...decisions].map(([from, value]) => ({
    from,
    to: value === DROP ? [] : value.split(',').map(Number),
  }));
}

export function PlanCopyDialog({
  plan,
  agencies,
  onClose,
}: {
  plan: Plan;
  agencies: Agency[];
  onClose: () => void;
}) {
  const t = useT();
  const timeZone = useTimeZone();
  const [year, setYear] = useState(String(nextYear(plan, timeZone)));
  const [confirmed, setConfirmed] = useState(new Set<number>());
  const [decisions, setDecisions] = useState(new Map<number, Decision>());
  const preview = useMutation({
    mutationFn: () => copyPlan(plan.id, { year: Number(year) }),
    onSuccess: () => {
      setConfirmed(new Set());
      setDecisions(new Map());
    },
  });
  const create = useMutation({
    mutationFn: () => copyPlan(plan.id, { year: Number(year), confirm: true, choices: choicesOf(decisions) }),
    onSuccess: (answer) => {
      if (answer.created) navigate(`/plans/${answer.plan.id}`);
    },
  });
  const shown = preview.data && !preview.data.created ? preview.data : null;
  const inForce = useMemo(
    () => (shown ? agencies.filter((agency) => validOn(agency, shown.plan.startDate)).sort(byName) : []),
    [agencies, shown],
  );
  const remaining = shown
    ? shown.replacements.filter((entry) => !confirmed.has(entry.from.id)).length +
      shown.unresolved.filter((entry) => !decisions.has(entry.from.id)).length
    : 0;

  return (
    <Dialog title={t('planCopy.title')} onClose={onClose} wide>
      <p>{t('planCopy.intro')}</p>
      <form
        className="plan-copy__year"
        onSubmit={(event) => {
          event.preventDefault();
          create.reset();
          preview.mutate();
        }}
      >
        <TextField
          label={t('planCopy.year')}
          inputMode="numeric"
          value={year}
          onChange={(value) => {
            setYear(value.replace(/\D/g, '').slice(0, 4));
            preview.reset();
          }}
        />
        <button type="submit" className="button" disabled={preview.isPending}>
          {preview.isPending ? t('planCopy.previewing') : t('planCopy.preview')}
        </button>
      </form>
      {preview.error ? <ErrorAlert title={t('planCopy.failed')} error={preview.error} /> : null}
      {shown ? (
        <div className="plan-copy">
          <section className="plan-copy__section">
            <h3>{t('planCopy.newPlan')}</h3>
            <p>
              <strong>{shown.plan.title}</strong> ({dayText(shown.plan.startDate)} –{' '}
              {dayText(shown.plan.endDate)})
            </p>
            <p>
              {t('planCopy.counts', {
                tasks: String(shown.tasks.length),
                campaigns: String(shown.campaigns.length),
              })}
            </p>
            {shown.campaigns.length > 0 ? (
              <ul>
                {shown.campaigns.map((campaign) => (
                  <li key={campaign.name}>
                    {campaign.name}: {dayText(campaign.startDate)} – {dayText(campaign.endDate)}
                    {campaign.theme ? ` · ${campaign.theme}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <Replacements
            entries={shown.replacements}
            confirmed={confirmed}
            onConfirm={(ids, on) =>
              setConfirmed((current) => {
                const next = new Set(current);
                for (const id of ids) {
                  if (on) next.add(id);
                  else next.delete(id);
                }
                return next;
              })
            }
            t={t}
          />
          <Unresolved
            entries={shown.unresolved}
            decisions={decisions}
            onDecide={(from, decision) =>
              setDecisions((current) => {
                const next = new Map(current);
                if (decision) next.set(from, decision);
                else next.delete(from);
                return next;
              })
            }
            others={inForce}
            t={t}
          />
          <DateReviews preview={shown} t={t} />
          {shown.replacements.length + shown.unresolved.length + shown.dates.length === 0 ? (
            <p>{t('planCopy.nothingToReview')}</p>
          ) : null}
          {create.error ? <ErrorAlert title={t('planCopy.failed')} error={create.error} /> : null}
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={remaining > 0 || create.isPending}
              onClick={() => create.mutate()}
            >
              {create.isPending
                ? t('planCopy.creating')
                : t('planCopy.create', { year: String(shown.plan.year) })}
            </button>
            {remaining > 0 ? (
              <span className="plan-copy__note" role="status">
                {t('planCopy.remaining', { count: String(remaining) })}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

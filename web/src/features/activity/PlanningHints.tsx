// The hints under the activity form's dates and places: a marked exam or festival period, or
// the same target group already expected in the same unit that day. They inform the planner
// and never stop the save (issue 12 point 10).
import { useQuery } from '@tanstack/react-query';
import { type HintQuery, type PlanningHint, planningHints } from '../../api/calendarMarks';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { formatIsoDay } from '../../i18n/dates';
import { periodText } from '../../lib/format';
import { agencyName, entryName } from '../../lib/names';
import { useSettled } from '../../lib/useSettled';
import type { FormChoices } from './formChoices';
import { type ActivityFormValues, lastDayOf, startDateOf } from './formValues';

/** What the hints are asked for: the days and places the form holds now, once they read. */
function hintQuery(values: ActivityFormValues, excludeId: number | undefined): HintQuery | null {
  const startDate = startDateOf(values);
  if (!startDate) return null;
  return {
    startDate,
    endDate: lastDayOf(values) ?? startDate,
    unitIds: values.unitIds,
    targetGroupCodes: values.targetGroupCodes,
    excludeId,
  };
}

export function PlanningHints({
  values,
  choices,
  excludeId,
}: {
  values: ActivityFormValues;
  choices: FormChoices;
  excludeId?: number | undefined;
}) {
  const t = useT();
  const [language] = useLanguage();
  const query = useSettled(hintQuery(values, excludeId), 400);
  const hints = useQuery({
    queryKey: ['planning-hints', query],
    queryFn: ({ signal }) => (query ? planningHints(query, signal) : Promise.resolve([])),
    enabled: query !== null,
    staleTime: 30_000,
  });
  if (hints.error) return <p className="field__hint">{t('hints.failed')}</p>;
  const found = hints.data ?? [];
  if (found.length === 0) return null;
  return (
    <section className="planning-hints" aria-label={t('hints.title')} role="status">
      <p className="planning-hints__title">{t('hints.title')}</p>
      <ul>
        {found.map((hint) => (
          <li key={hint.kind === 'busy_week' ? `mark-${hint.mark.id}` : `activity-${hint.activity.id}`}>
            {hintText(hint, choices, t, language)}
          </li>
        ))}
      </ul>
      <p className="planning-hints__note">{t('hints.intro')}</p>
    </section>
  );
}

function hintText(hint: PlanningHint, choices: FormChoices, t: Translate, language: 'vi' | 'en'): string {
  const unitName = (id: number) => choices.units.find((unit) => unit.id === id)?.name ?? `#${id}`;
  if (hint.kind === 'busy_week') {
    const { mark } = hint;
    return t(mark.kind === 'exam' ? 'hints.busy.exam' : 'hints.busy.festival', {
      name: mark.name,
      period: periodText(mark.startDate, mark.endDate),
      where: mark.unitId ? t('hints.where', { unit: unitName(mark.unitId) }) : '',
    });
  }
  const lead = choices.agencies.find((agency) => agency.id === hint.activity.leadAgencyId);
  const groups = hint.targetGroupCodes.map((code) => {
    const group = choices.catalog.targetGroups.find((entry) => entry.code === code);
    return group ? entryName(group, language) : code;
  });
  return t('hints.sameAudience', {
    units: hint.unitIds.map(unitName).join(', '),
    title: hint.activity.title,
    date: formatIsoDay(hint.activity.startDate),
    lead: lead ? (lead.shortName ?? agencyName(lead, language)) : `#${hint.activity.leadAgencyId}`,
    groups: groups.join(', '),
  });
}

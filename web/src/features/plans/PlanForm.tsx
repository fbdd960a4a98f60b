// A plan's own details, as the coordinators correct them: its number and the day it was
// signed (which a report citing the plan names), its title, year, period, issuer and goal.
// Its sections and tasks are not edited here.
import { useMemo } from 'react';
import { z } from 'zod';
import { PlanInput } from '../../../../server/contracts/plans';
import type { Agency } from '../../api/agencies';
import { type Plan, updatePlan } from '../../api/plans';
import { useTimeZone } from '../../app/timeZone';
import {
  DateField,
  dayText,
  SelectField,
  saveChanges,
  TextAreaField,
  TextField,
} from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { agencyOptions } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import {
  chosenId,
  intoContract,
  neededDay,
  typedDay,
  typedRequiredNumber,
  typedText,
} from '../../lib/form-values';

const planFields = [
  'code',
  'title',
  'titleEn',
  'year',
  'startDate',
  'endDate',
  'issuerAgencyId',
  'issueDate',
  'goal',
  'goalEn',
] as const;

/** The plan form's fields, as typed; the period's dates are needed, said in the page's words. */
function planValues(t: Translate) {
  return intoContract(
    z.object({
      // A plan not numbered yet has no number, not an empty one.
      code: typedText.transform((text) => text || null),
      title: typedText,
      titleEn: typedText,
      year: typedRequiredNumber,
      startDate: neededDay(t('plans.dayNeeded')),
      endDate: neededDay(t('plans.dayNeeded')),
      issuerAgencyId: chosenId,
      issueDate: typedDay,
      goal: typedText,
      goalEn: typedText,
    }),
    PlanInput,
  );
}

export function PlanForm({
  plan,
  agencies,
  onClose,
  onSaved,
}: {
  plan: Plan;
  agencies: Agency[];
  onClose: () => void;
  onSaved: (plan: Plan) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const today = todayIn(useTimeZone());
  const schema = useMemo(() => planValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: {
      code: plan.code ?? '',
      title: plan.title,
      titleEn: plan.titleEn,
      year: String(plan.year),
      startDate: dayText(plan.startDate),
      endDate: dayText(plan.endDate),
      issuerAgencyId: plan.issuerAgencyId ? String(plan.issuerAgencyId) : '',
      issueDate: dayText(plan.issueDate),
      goal: plan.goal,
      goalEn: plan.goalEn,
    },
    fields: planFields,
    save: (values) => saveChanges(plan, values, updatePlan),
    onSaved,
  });
  const { bind } = editor;
  // Whatever is wrong with the year, the form says which years it takes.
  const year = bind('year');

  return (
    <EditorDialog title={t('plans.editTitle')} editor={editor} onSubmit={editor.submit} onClose={onClose}>
      <TextAreaField label={t('plans.name')} {...bind('title')} rows={2} maxLength={500} required />
      <TextAreaField label={t('plans.nameEn')} {...bind('titleEn')} rows={2} maxLength={500} lang="en" />
      <div className="form__grid">
        <TextField
          label={t('plans.code')}
          {...bind('code')}
          hint={t('plans.codeHint')}
          spellCheck={false}
          autoComplete="off"
          maxLength={100}
        />
        <DateField label={t('plans.issueDate')} {...bind('issueDate')} hint={t('plans.issueDateHint')} />
        <SelectField label={t('plans.issuer')} {...bind('issuerAgencyId')}>
          <option value="">{t('common.none')}</option>
          {agencyOptions(agencies, today, plan.issuerAgencyId, language, t)}
        </SelectField>
        <TextField
          label={t('plans.year')}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          {...year}
          error={year.error && t('plans.badYear')}
          required
        />
        <DateField label={t('plans.startDate')} {...bind('startDate')} required />
        <DateField label={t('plans.endDate')} {...bind('endDate')} required />
      </div>
      <TextAreaField label={t('plans.goal')} {...bind('goal')} rows={3} maxLength={5000} />
      <TextAreaField label={t('plans.goalEn')} {...bind('goalEn')} rows={3} maxLength={5000} lang="en" />
    </EditorDialog>
  );
}

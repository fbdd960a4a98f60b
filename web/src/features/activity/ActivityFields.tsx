// The activity form's fields, in the order a person fills them: what, when, who and where, for
// whom and through what, under which plan, and how much is planned.
import { type ReactNode, useState } from 'react';
import { unitWord } from '../../../../server/domain/indicators';
import { type ActivityStatus, activityStatuses } from '../../api/activities';
import type { IndicatorEntry } from '../../api/catalog';
import {
  CheckboxField,
  DateField,
  type FieldErrors,
  MultiPicker,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form';
import { agencyOptions } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { entryName } from '../../lib/names';
import {
  agencyPickerOptions,
  channelPickerOptions,
  type FormChoices,
  unitPickerOptions,
} from './formChoices';
import { type ActivityFormValues, needsStatusNote, startDateOf } from './formValues';

/** The names the server's messages may point at (and the form's own, for the times it cannot read). */
export const fieldNames = [
  'title',
  'typeCode',
  'status',
  'statusNote',
  'description',
  'allDay',
  'start',
  'startTime',
  'end',
  'endTime',
  'leadAgencyId',
  'partnerAgencyIds',
  'unitIds',
  'venue',
  'targetGroupCodes',
  'channelCodes',
  'taskId',
  'campaignId',
  'expected',
] as const;

type SectionProps = {
  values: ActivityFormValues;
  change: (patch: Partial<ActivityFormValues>) => void;
  errors: FieldErrors;
};

type Props = SectionProps & {
  choices: FormChoices;
  indicators: readonly IndicatorEntry[];
  /** An agency's editor or a unit's reporter: the lead is their own agency, not to be changed. */
  leadFixed: boolean;
  /** Whether `confirmed` may be chosen (coordinators and admins). */
  mayConfirm: boolean;
  /** The status the activity has now, when editing: it stays offered even if it cannot be chosen. */
  currentStatus: ActivityStatus | null;
  /** A unit's reporter places activities in their own units only. */
  unitsAllowed: readonly number[] | null;
  /** Agencies and units are offered as on the activity's first day; today while it cannot be read. */
  today: string;
  /**
   * A new activity starts with what every activity needs (what, when, who and where); the rest
   * waits behind "more details", and opens by itself when a refusal names one of its fields.
   */
  brief: boolean;
  /** A section placed after the times (the repeat rule of a new activity). */
  afterWhen?: ReactNode;
};

/** The fields a brief form keeps behind "more details". */
const detailFields: readonly string[] = [
  'status',
  'statusNote',
  'description',
  'partnerAgencyIds',
  'targetGroupCodes',
  'channelCodes',
  'taskId',
  'campaignId',
  'expected',
];

function refusesDetail(errors: FieldErrors): boolean {
  return Object.entries(errors).some(
    ([field, message]) => Boolean(message) && (detailFields.includes(field) || field.startsWith('expected.')),
  );
}

export function ActivityFields(props: Props) {
  const { values, change, errors, choices, indicators } = props;
  const t = useT();
  const [language] = useLanguage();
  const date = startDateOf(values) ?? props.today;
  const [expanded, setExpanded] = useState(!props.brief);
  const full = expanded || refusesDetail(errors);
  return (
    <>
      <Section title={t('activityForm.section.what')}>
        <WhatFields {...props} full={full} />
      </Section>
      <Section title={t('activityForm.section.when')}>
        <WhenFields values={values} change={change} errors={errors} />
      </Section>
      {props.afterWhen}
      <Section title={t('activityForm.section.who')}>
        <div className="form__grid">
          <SelectField
            label={t('activityForm.field.leadAgencyId')}
            value={values.leadAgencyId}
            onChange={(leadAgencyId) => change({ leadAgencyId })}
            error={errors.leadAgencyId}
            hint={props.leadFixed ? t('activityForm.leadFixed') : undefined}
            disabled={props.leadFixed}
            required
          >
            <option value="">{t('activityForm.choose')}</option>
            {agencyOptions(
              choices.agencies,
              date,
              values.leadAgencyId ? Number(values.leadAgencyId) : null,
              language,
              t,
            )}
          </SelectField>
          <TextField
            label={t('activityForm.field.venue')}
            value={values.venue}
            onChange={(venue) => change({ venue })}
            error={errors.venue}
            hint={t('activityForm.venueHint')}
          />
        </div>
        <div className="activity-form__pickers">
          {full ? (
            <MultiPicker
              label={t('activityForm.field.partnerAgencyIds')}
              options={agencyPickerOptions(
                choices.agencies,
                date,
                values.partnerAgencyIds,
                language,
                t,
                values.leadAgencyId ? Number(values.leadAgencyId) : null,
              )}
              selected={values.partnerAgencyIds}
              onChange={(partnerAgencyIds) => change({ partnerAgencyIds })}
              error={errors.partnerAgencyIds}
            />
          ) : null}
          <MultiPicker
            label={t('activityForm.field.unitIds')}
            hint={props.unitsAllowed ? t('activityForm.unitsOwn') : t('activityForm.unitsHint')}
            options={unitPickerOptions(choices.units, date, values.unitIds, props.unitsAllowed, t)}
            selected={values.unitIds}
            onChange={(unitIds) => change({ unitIds })}
            error={errors.unitIds}
          />
        </div>
      </Section>
      {full ? null : (
        <MoreDetails
          campaign={choices.campaigns.find((campaign) => String(campaign.id) === values.campaignId)?.name}
          onOpen={() => setExpanded(true)}
        />
      )}
      {full ? (
        <>
          <Section title={t('activityForm.section.audience')}>
            <div className="activity-form__pickers">
              <MultiPicker
                label={t('activityForm.field.targetGroupCodes')}
                options={choices.catalog.targetGroups.map((group) => ({
                  value: group.code,
                  label: entryName(group, language),
                }))}
                selected={values.targetGroupCodes}
                onChange={(targetGroupCodes) => change({ targetGroupCodes })}
                error={errors.targetGroupCodes}
              />
              <MultiPicker
                label={t('activityForm.field.channelCodes')}
                options={channelPickerOptions(choices, values.typeCode, language, t)}
                selected={values.channelCodes}
                onChange={(channelCodes) => change({ channelCodes })}
                error={errors.channelCodes}
              />
            </div>
          </Section>
          <Section title={t('activityForm.section.plan')}>
            <PlanFields values={values} change={change} errors={errors} choices={choices} />
          </Section>
          <Section title={t('activityForm.section.figures')}>
            <FigureFields values={values} change={change} errors={errors} indicators={indicators} />
          </Section>
        </>
      ) : null}
    </>
  );
}

/** The way into the rest of the form, saying what is there and what was already chosen for it. */
function MoreDetails({ campaign, onOpen }: { campaign: string | undefined; onOpen: () => void }) {
  const t = useT();
  return (
    <div className="activity-form__more">
      <button type="button" className="button button--secondary" onClick={onOpen} aria-expanded={false}>
        {t('activityForm.moreDetails')}
      </button>
      <p className="field__hint">
        {campaign ? t('activityForm.moreDetailsCampaign', { campaign }) : t('activityForm.moreDetailsHint')}
      </p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset activity-form__section">
      <legend className="activity-form__legend">{title}</legend>
      {children}
    </fieldset>
  );
}

function WhatFields({
  values,
  change,
  errors,
  choices,
  mayConfirm,
  currentStatus,
  full,
}: Props & { full: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  // `done` comes from a result, `confirmed` from a coordinator: each stays shown on an activity that has it.
  const statuses = activityStatuses.filter(
    (status) =>
      status === currentStatus ||
      status === 'planned' ||
      status === 'postponed' ||
      status === 'cancelled' ||
      (status === 'confirmed' && mayConfirm),
  );
  return (
    <>
      <TextField
        label={t('activityForm.field.title')}
        value={values.title}
        onChange={(title) => change({ title })}
        error={errors.title}
        required
        maxLength={300}
      />
      <div className="form__grid">
        <SelectField
          label={t('activityForm.field.typeCode')}
          value={values.typeCode}
          onChange={(typeCode) => change({ typeCode })}
          error={errors.typeCode}
          required
        >
          <option value="">{t('activityForm.choose')}</option>
          {choices.catalog.activityTypes.map((type) => (
            <option key={type.code} value={type.code}>
              {entryName(type, language)}
            </option>
          ))}
        </SelectField>
        {full ? (
          <SelectField
            label={t('activityForm.field.status')}
            value={values.status}
            onChange={(status) =>
              change({ status: activityStatuses.find((entry) => entry === status) ?? 'planned' })
            }
            error={errors.status}
            hint={mayConfirm ? undefined : t('activityForm.confirmHint')}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      {full && needsStatusNote(values.status) ? (
        <TextAreaField
          label={t('activityForm.field.statusNote')}
          value={values.statusNote}
          onChange={(statusNote) => change({ statusNote })}
          error={errors.statusNote}
          hint={t('activityForm.statusNoteHint')}
          required
        />
      ) : null}
      {full ? (
        <TextAreaField
          label={t('activityForm.field.description')}
          value={values.description}
          onChange={(description) => change({ description })}
          error={errors.description}
        />
      ) : null}
    </>
  );
}

/** Dates as people write them, with the last day inclusive; times on the deployment's clock. */
function WhenFields({ values, change, errors }: SectionProps) {
  const t = useT();
  return (
    <>
      <CheckboxField
        label={t('activityForm.field.allDay')}
        checked={values.allDay}
        onChange={(allDay) => change({ allDay })}
        error={errors.allDay}
      />
      <div className="activity-form__when">
        <DateField
          label={t(values.allDay ? 'activityForm.firstDay' : 'activityForm.startDay')}
          value={values.startDay}
          onChange={(startDay) => change({ startDay })}
          error={errors.start}
          required
        />
        {values.allDay ? null : (
          <TextField
            label={t('activityForm.startTime')}
            value={values.startTime}
            onChange={(startTime) => change({ startTime })}
            error={errors.startTime}
            hint={t('activityForm.timeHint')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="08:00"
            required
          />
        )}
        <DateField
          label={t(values.allDay ? 'activityForm.lastDay' : 'activityForm.endDay')}
          value={values.endDay}
          onChange={(endDay) => change({ endDay })}
          error={errors.end}
          hint={t(values.allDay ? 'activityForm.lastDayHint' : 'activityForm.endDayHint')}
        />
        {values.allDay ? null : (
          <TextField
            label={t('activityForm.endTime')}
            value={values.endTime}
            onChange={(endTime) => change({ endTime })}
            error={errors.endTime}
            hint={t('activityForm.endTimeHint')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="10:00"
          />
        )}
      </div>
    </>
  );
}

/** A plan's task, grouped under its plan; a campaign. */
function PlanFields({ values, change, errors, choices }: SectionProps & { choices: FormChoices }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <div className="form__grid">
      <SelectField
        label={t('activityForm.field.taskId')}
        value={values.taskId}
        onChange={(taskId) => change({ taskId })}
        error={errors.taskId}
      >
        <option value="">{t('activityForm.none')}</option>
        {choices.tasks.map(({ plan, tasks }) => (
          <optgroup key={plan.id} label={language === 'en' && plan.titleEn ? plan.titleEn : plan.title}>
            {tasks.map((task) => (
              <option key={task.id} value={task.id}>
                {`${task.code}. ${language === 'en' && task.titleEn ? task.titleEn : task.title}`}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField
        label={t('activityForm.field.campaignId')}
        value={values.campaignId}
        onChange={(campaignId) => change({ campaignId })}
        error={errors.campaignId}
      >
        <option value="">{t('activityForm.none')}</option>
        {choices.campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** One whole number per indicator of the activity's type, each in its own unit. */
function FigureFields({
  values,
  change,
  errors,
  indicators,
}: SectionProps & { indicators: readonly IndicatorEntry[] }) {
  const t = useT();
  const [language] = useLanguage();
  if (indicators.length === 0) {
    return <p className="field__hint">{t('activityForm.figuresNone')}</p>;
  }
  return (
    <>
      {errors.expected ? <p className="field__error">{errors.expected}</p> : null}
      <div className="form__grid activity-form__figures">
        {indicators.map((indicator) => {
          return (
            <TextField
              key={indicator.code}
              label={entryName(indicator, language)}
              value={values.expected[indicator.code] ?? ''}
              onChange={(text) => change({ expected: { ...values.expected, [indicator.code]: text } })}
              error={errors[`expected.${indicator.code}`]}
              hint={unitWord(indicator, language)}
              inputMode="numeric"
              autoComplete="off"
            />
          );
        })}
      </div>
    </>
  );
}

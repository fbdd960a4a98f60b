// Logging in one step something that was held without being planned (a talk added on a
// market day) or a media item already published: the activity, created as done, and its
// figures, sent together (POST /api/activities/held) so that a refusal leaves nothing behind.
// `event` asks what a field report needs; `media` is the quick form of the media page.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { HeldActivityInput } from '../../../../server/contracts/held-activities';
import type { Agency } from '../../api/agencies';
import type { User } from '../../api/auth';
import type { Catalog } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { type HeldActivityAnswer, logHeldActivity } from '../../api/results';
import type { Unit } from '../../api/units';
import { actsProvinceWide } from '../../app/permissions';
import { useTimeZone } from '../../app/timeZone';
import {
  DateField,
  dayText,
  FormErrors,
  MultiPicker,
  readDay,
  SelectField,
  TextAreaField,
  TextField,
  useFocusOnInvalid,
} from '../../components/form';
import { agencyOptions } from '../../components/records';
import { contractResolver, errorMessages, useFocusAfterPageRefusal } from '../../components/useRecordForm';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { intoContract } from '../../lib/form-values';
import { byName, entryName, validOn } from '../../lib/names';
import { isFieldRefusal, messagesByPath, type PathMessages, pageMessages } from './errors';
import { figureFields, readFigures } from './figures';
import { LinksEditor, linkMessagesByRow, linksToSend } from './LinksEditor';
import { RefusalBox } from './RefusalBox';
import { ResultFigures } from './ResultFigures';
import './results.css';

/** The activity types of media products, in the order the quick form offers them. */
export const mediaTypeCodes = [
  'news_article',
  'tv_programme',
  'radio_programme',
  'social_post',
  'sms_campaign',
  'loudspeaker_broadcast',
] as const;

/** Activity fields the server's messages may name (arrays by their name: `unitIds.2` → `unitIds`). */
const activityFields = [
  'title',
  'typeCode',
  'start',
  'leadAgencyId',
  'unitIds',
  'venue',
  'targetGroupCodes',
  'channelCodes',
  'notes',
  'links',
];

/** What the form holds, as typed. */
type HeldValues = {
  title: string;
  typeCode: string;
  day: string;
  leadAgencyId: string;
  unitIds: number[];
  venue: string;
  targetGroupCodes: string[];
  channelCodes: string[];
  figures: Record<string, string>;
  notes: string;
  links: string[];
};

/**
 * The form's check: what it asks of its own (a title, a type, a day not to come, a lead
 * agency, whole figures) at its fields, then the contract's HeldActivityInput as the server
 * checks it. The figures asked follow the chosen type, so they are read when it is sent.
 */
function heldResolver(mode: 'event' | 'media', catalog: Catalog, today: string, t: Translate) {
  const read = z.custom<HeldValues>().transform((values, context) => {
    const refuse = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: path.split('.'), message });
    if (values.title.trim() === '') refuse('title', t('results.held.titleNeeded'));
    if (!values.typeCode) refuse('typeCode', t('results.held.typeNeeded'));
    const start = readDay(values.day);
    if (!start) refuse('start', start === null ? t('results.held.dayNeeded') : t('form.badDate'));
    else if (start > today) refuse('start', t('results.held.dayInFuture'));
    if (!values.leadAgencyId) refuse('leadAgencyId', t('results.held.leadNeeded'));
    const codes = values.typeCode
      ? figureFields(catalog, values.typeCode).map((field) => field.indicator.code)
      : [];
    const figures = readFigures(values.figures, codes);
    if (!figures.ok)
      for (const code of figures.invalid) refuse(`values.${code}`, t('results.figureNotWhole'));
    if (!start || !figures.ok) return z.NEVER;
    return {
      activity: {
        title: values.title.trim(),
        typeCode: values.typeCode,
        allDay: true,
        start,
        leadAgencyId: Number(values.leadAgencyId),
        unitIds: values.unitIds,
        channelCodes: values.channelCodes,
        ...(mode === 'event'
          ? { venue: values.venue.trim(), targetGroupCodes: values.targetGroupCodes }
          : {}),
      },
      result: {
        values: figures.values,
        links: linksToSend(values.links).links,
        ...(mode === 'event' ? { notes: values.notes.trim() } : {}),
      },
    };
  });
  return contractResolver(intoContract(read, HeldActivityInput), t);
}

export function HeldForm({
  mode,
  user,
  catalog,
  agencies,
  units,
  onSaved,
  onCancel,
}: {
  mode: 'event' | 'media';
  user: User;
  catalog: Catalog;
  agencies: readonly Agency[];
  units: readonly Unit[];
  onSaved: (held: HeldActivityAnswer) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const today = todayIn(timeZone);
  const types = useMemo(
    () =>
      mode === 'media'
        ? mediaTypeCodes.flatMap((code) => catalog.activityTypes.filter((type) => type.code === code))
        : catalog.activityTypes,
    [mode, catalog.activityTypes],
  );
  const resolver = useMemo(() => heldResolver(mode, catalog, today, t), [mode, catalog, today, t]);

  // The media form starts on its first type; a field report asks which.
  const firstType = mode === 'media' ? types[0] : undefined;
  const form = useForm<HeldValues, unknown, HeldActivityInput>({
    resolver,
    defaultValues: {
      title: '',
      typeCode: firstType?.code ?? '',
      day: dayText(today),
      leadAgencyId: user.agencyId === null ? '' : String(user.agencyId),
      unitIds: user.unitIds,
      venue: '',
      targetGroupCodes: [],
      // A type sent through one channel only has it chosen already.
      channelCodes: firstType?.channelCodes.length === 1 ? firstType.channelCodes : [],
      figures: {},
      notes: '',
      links: mode === 'media' ? [''] : [],
    },
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  const values = form.watch();
  const { setValue } = form;
  const { typeCode, day, unitIds, channelCodes } = values;
  const type = types.find((entry) => entry.code === typeCode);
  const saving = useMutation({ mutationFn: logHeldActivity, onSuccess: onSaved });
  const busy = saving.isPending;
  const failure = saving.error;
  const [linkRows, setLinkRows] = useState<number[]>([]);
  const { form: formRef, refused } = useFocusOnInvalid();
  useFocusAfterPageRefusal(form.formState, refused);

  const fields = useMemo(() => (typeCode ? figureFields(catalog, typeCode) : []), [catalog, typeCode]);
  const codes = fields.map((field) => field.indicator.code);
  const date = readDay(day) ?? today;

  const chooseType = (code: string) => {
    setValue('typeCode', code);
    const next = types.find((entry) => entry.code === code);
    const offered = next?.channelCodes ?? [];
    const kept = channelCodes.filter((channel) => offered.includes(channel));
    setValue('channelCodes', kept.length === 0 && offered.length === 1 ? offered : kept);
    if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION') saving.reset();
  };

  const fieldOf = (path: string): string | null => {
    if (path.startsWith('values.')) return codes.includes(path.slice('values.'.length)) ? path : null;
    if (/^links\.\d+$/.test(path)) return path;
    const name = path.split('.')[0] ?? '';
    if (name === 'end' || name === 'allDay') return 'start';
    return activityFields.includes(name) ? name : null;
  };
  const fieldRefusal = isFieldRefusal(failure) ? failure : null;
  const split = fieldRefusal ? messagesByPath(fieldRefusal, fieldOf, t) : { byPath: {}, other: [] };
  const serverMessages = linkMessagesByRow(split.byPath, linkRows);
  const ownErrors = linkMessagesByRow(
    pageMessages(errorMessages(form.formState.errors), fieldOf),
    linksToSend(values.links).rows,
  );
  const errors: PathMessages =
    fieldRefusal?.code === 'VALIDATION_FAILED' ? { ...serverMessages, ...ownErrors } : ownErrors;
  const warnings: PathMessages = fieldRefusal?.code === 'NEEDS_CONFIRMATION' ? serverMessages : {};
  const otherRefusal = failure && !fieldRefusal ? failure : null;

  /** Checks the form with the contract, then sends it (`confirm`: the unusual figures are right). */
  const send = (confirm: boolean) => {
    saving.reset();
    setLinkRows(linksToSend(values.links).rows);
    void form.handleSubmit((body) =>
      saving
        .mutateAsync(confirm ? { ...body, result: { ...body.result, confirm: true } } : body)
        .catch(() => refused()),
    )();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(false);
  };

  const unitOptions = useMemo(
    () =>
      units
        .filter((unit) => unitIds.includes(unit.id) || validOn(unit, date))
        .filter((unit) => user.role !== 'unit_reporter' || user.unitIds.includes(unit.id))
        .sort((a, b) => a.tier - b.tier || byName(a, b))
        .map((unit) => ({ value: unit.id, label: unit.name, detail: t(`unitLevel.${unit.level}`) })),
    [units, unitIds, date, user, t],
  );
  const channelOptions = (type?.channelCodes ?? []).flatMap((code) => {
    const channel = catalog.channels.find((entry) => entry.code === code);
    return channel ? [{ value: code, label: entryName(channel, language) }] : [];
  });
  const leadFixed = !actsProvinceWide(user.role) && user.agencyId !== null;
  const confirmation = fieldRefusal?.code === 'NEEDS_CONFIRMATION' ? fieldRefusal : null;

  return (
    <form ref={formRef} className="form held-form" noValidate onSubmit={submit}>
      <FormErrors messages={split.other} />
      <div className="form__grid">
        <SelectField
          label={t('results.type')}
          value={typeCode}
          onChange={chooseType}
          error={errors.typeCode}
          required
        >
          {mode === 'event' ? <option value="">{t('results.held.chooseType')}</option> : null}
          {types.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entryName(entry, language)}
            </option>
          ))}
        </SelectField>
        <DateField
          label={mode === 'media' ? t('results.media.day') : t('results.held.day')}
          value={day}
          onChange={(text) => setValue('day', text)}
          error={errors.start}
          required
        />
      </div>
      <TextField
        label={mode === 'media' ? t('results.media.itemTitle') : t('results.held.title')}
        value={values.title}
        onChange={(text) => setValue('title', text)}
        error={errors.title}
        required
        maxLength={300}
        autoComplete="off"
      />
      <SelectField
        label={t('activity.lead')}
        value={values.leadAgencyId}
        onChange={(id) => setValue('leadAgencyId', id)}
        error={errors.leadAgencyId}
        hint={leadFixed ? t('results.held.leadFixed') : undefined}
        disabled={leadFixed}
        required
      >
        <option value="">{t('results.held.chooseLead')}</option>
        {agencyOptions(
          [...agencies],
          date,
          values.leadAgencyId ? Number(values.leadAgencyId) : null,
          language,
          t,
        )}
      </SelectField>
      {channelOptions.length > 0 ? (
        <MultiPicker
          label={t('field.channelCodes')}
          options={channelOptions}
          selected={channelCodes}
          onChange={(codes) => setValue('channelCodes', codes)}
          error={errors.channelCodes}
        />
      ) : null}
      {mode === 'event' ? (
        <>
          <TextField
            label={t('activity.venue')}
            value={values.venue}
            onChange={(text) => setValue('venue', text)}
            error={errors.venue}
            maxLength={500}
          />
          <MultiPicker
            label={t('field.unitIds')}
            hint={user.role === 'unit_reporter' ? t('results.held.unitsHint') : undefined}
            options={unitOptions}
            selected={unitIds}
            onChange={(ids) => setValue('unitIds', ids)}
            error={errors.unitIds}
          />
          <MultiPicker
            label={t('field.targetGroupCodes')}
            options={catalog.targetGroups.map((group) => ({
              value: group.code,
              label: entryName(group, language),
            }))}
            selected={values.targetGroupCodes}
            onChange={(codes) => setValue('targetGroupCodes', codes)}
            error={errors.targetGroupCodes}
          />
        </>
      ) : null}

      {typeCode ? (
        <ResultFigures
          legend={t('results.figures')}
          fields={fields}
          texts={values.figures}
          onChange={(code, text) => {
            setValue('figures', { ...values.figures, [code]: text });
            if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION') saving.reset();
          }}
          errors={errors}
          warnings={warnings}
        />
      ) : null}

      {mode === 'event' ? (
        <TextAreaField
          label={t('results.notes')}
          hint={t('results.notesHint')}
          value={values.notes}
          onChange={(text) => setValue('notes', text)}
          error={errors.notes}
          rows={3}
          maxLength={10000}
        />
      ) : null}
      <LinksEditor
        label={t('results.links')}
        hint={mode === 'media' ? t('results.media.linkHint') : t('results.linksHint')}
        links={values.links}
        onChange={(links) => setValue('links', links)}
        errors={errors}
      />
      {mode === 'event' ? <p className="field__hint">{t('results.held.photosAfter')}</p> : null}

      <RefusalBox
        confirmation={confirmation}
        refusal={otherRefusal}
        busy={busy}
        onConfirm={() => send(true)}
      />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('results.sending') : mode === 'media' ? t('results.media.save') : t('results.held.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

// Logging in one step something that was held without being planned (a talk added on a
// market day) or a media item already published: the activity, created as done, and its
// figures, sent together (POST /api/activities/held) so that a refusal leaves nothing behind.
// `event` asks what a field report needs; `media` is the quick form of the media page.
import { type FormEvent, useMemo, useState } from 'react';
import type { Agency } from '../../api/agencies';
import type { User } from '../../api/auth';
import type { Catalog } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { type HeldActivityAnswer, type HeldActivityBody, logHeldActivity } from '../../api/results';
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
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { byName, entryName, validOn } from '../../lib/names';
import { isFieldRefusal, messagesByPath, type PathMessages } from './errors';
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

  const [title, setTitle] = useState('');
  const [typeCode, setTypeCode] = useState(mode === 'media' ? (types[0]?.code ?? '') : '');
  const [day, setDay] = useState(dayText(today));
  const [leadAgencyId, setLeadAgencyId] = useState(user.agencyId === null ? '' : String(user.agencyId));
  const [unitIds, setUnitIds] = useState<number[]>(user.unitIds);
  const [venue, setVenue] = useState('');
  const [targetGroupCodes, setTargetGroupCodes] = useState<string[]>([]);
  const type = types.find((entry) => entry.code === typeCode);
  const [channelCodes, setChannelCodes] = useState<string[]>(() =>
    type?.channelCodes.length === 1 ? type.channelCodes : [],
  );
  const [figures, setFigures] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [links, setLinks] = useState<string[]>(mode === 'media' ? [''] : []);

  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [ownErrors, setOwnErrors] = useState<PathMessages>({});
  const [linkRows, setLinkRows] = useState<number[]>([]);
  const { form, refused } = useFocusOnInvalid();

  const fields = useMemo(() => (typeCode ? figureFields(catalog, typeCode) : []), [catalog, typeCode]);
  const codes = fields.map((field) => field.indicator.code);
  const date = readDay(day) ?? today;

  const chooseType = (code: string) => {
    setTypeCode(code);
    const next = types.find((entry) => entry.code === code);
    const offered = next?.channelCodes ?? [];
    const kept = channelCodes.filter((channel) => offered.includes(channel));
    setChannelCodes(kept.length === 0 && offered.length === 1 ? offered : kept);
    if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION') setFailure(null);
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
  const errors: PathMessages =
    fieldRefusal?.code === 'VALIDATION_FAILED' ? { ...serverMessages, ...ownErrors } : ownErrors;
  const warnings: PathMessages = fieldRefusal?.code === 'NEEDS_CONFIRMATION' ? serverMessages : {};
  const otherRefusal = failure && !fieldRefusal ? failure : null;

  const send = async (confirm: boolean) => {
    const own: PathMessages = {};
    if (title.trim() === '') own.title = t('results.held.titleNeeded');
    if (!typeCode) own.typeCode = t('results.held.typeNeeded');
    const start = readDay(day);
    if (!start) own.start = start === null ? t('results.held.dayNeeded') : t('form.badDate');
    else if (start > today) own.start = t('results.held.dayInFuture');
    if (!leadAgencyId) own.leadAgencyId = t('results.held.leadNeeded');
    const read = readFigures(figures, codes);
    if (!read.ok) for (const code of read.invalid) own[`values.${code}`] = t('results.figureNotWhole');
    setFailure(null);
    setOwnErrors(own);
    if (Object.keys(own).length > 0 || !read.ok || !start) {
      refused();
      return;
    }
    const sent = linksToSend(links);
    const body: HeldActivityBody = {
      activity: {
        title: title.trim(),
        typeCode,
        allDay: true,
        start,
        leadAgencyId: Number(leadAgencyId),
        unitIds,
        channelCodes,
        ...(mode === 'event' ? { venue: venue.trim(), targetGroupCodes } : {}),
      },
      result: {
        values: read.values,
        links: sent.links,
        ...(mode === 'event' ? { notes: notes.trim() } : {}),
        ...(confirm ? { confirm: true } : {}),
      },
    };
    setLinkRows(sent.rows);
    setBusy(true);
    try {
      const held = await logHeldActivity(body);
      onSaved(held);
    } catch (error) {
      setFailure(error);
      refused();
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(false);
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
    <form ref={form} className="form held-form" noValidate onSubmit={submit}>
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
          onChange={setDay}
          error={errors.start}
          required
        />
      </div>
      <TextField
        label={mode === 'media' ? t('results.media.itemTitle') : t('results.held.title')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        required
        maxLength={300}
        autoComplete="off"
      />
      <SelectField
        label={t('activity.lead')}
        value={leadAgencyId}
        onChange={setLeadAgencyId}
        error={errors.leadAgencyId}
        hint={leadFixed ? t('results.held.leadFixed') : undefined}
        disabled={leadFixed}
        required
      >
        <option value="">{t('results.held.chooseLead')}</option>
        {agencyOptions([...agencies], date, leadAgencyId ? Number(leadAgencyId) : null, language, t)}
      </SelectField>
      {channelOptions.length > 0 ? (
        <MultiPicker
          label={t('field.channelCodes')}
          options={channelOptions}
          selected={channelCodes}
          onChange={setChannelCodes}
          error={errors.channelCodes}
        />
      ) : null}
      {mode === 'event' ? (
        <>
          <TextField
            label={t('activity.venue')}
            value={venue}
            onChange={setVenue}
            error={errors.venue}
            maxLength={500}
          />
          <MultiPicker
            label={t('field.unitIds')}
            hint={user.role === 'unit_reporter' ? t('results.held.unitsHint') : undefined}
            options={unitOptions}
            selected={unitIds}
            onChange={setUnitIds}
            error={errors.unitIds}
          />
          <MultiPicker
            label={t('field.targetGroupCodes')}
            options={catalog.targetGroups.map((group) => ({
              value: group.code,
              label: entryName(group, language),
            }))}
            selected={targetGroupCodes}
            onChange={setTargetGroupCodes}
            error={errors.targetGroupCodes}
          />
        </>
      ) : null}

      {typeCode ? (
        <ResultFigures
          legend={t('results.figures')}
          fields={fields}
          texts={figures}
          onChange={(code, text) => {
            setFigures((current) => ({ ...current, [code]: text }));
            if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION') setFailure(null);
          }}
          errors={errors}
          warnings={warnings}
        />
      ) : null}

      {mode === 'event' ? (
        <TextAreaField
          label={t('results.notes')}
          hint={t('results.notesHint')}
          value={notes}
          onChange={setNotes}
          error={errors.notes}
          rows={3}
          maxLength={10000}
        />
      ) : null}
      <LinksEditor
        label={t('results.links')}
        hint={mode === 'media' ? t('results.media.linkHint') : t('results.linksHint')}
        links={links}
        onChange={setLinks}
        errors={errors}
      />
      {mode === 'event' ? <p className="field__hint">{t('results.held.photosAfter')}</p> : null}

      <RefusalBox
        confirmation={confirmation}
        refusal={otherRefusal}
        busy={busy}
        onConfirm={() => void send(true)}
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

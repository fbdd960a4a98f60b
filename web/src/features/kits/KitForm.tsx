// A kit as coordinators and admins write it: its name, its anchor (an observance of the
// catalogue, or a fixed day of the year) and its activities, each placed in days from the
// anchor, with its type, channels, target groups, lead and planned figures.
import { type FormEvent, useId, useState } from 'react';
import type { Agency } from '../../api/agencies';
import type { Catalog } from '../../api/catalog';
import { createKit, type Kit, updateKit } from '../../api/kits';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import {
  type FieldErrors,
  FormErrors,
  SelectField,
  splitErrors,
  TextField,
  useFocusOnInvalid,
} from '../../components/form';
import { agencyOptions } from '../../components/records';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { entryName } from '../../lib/names';
import { draftOf, emptyItem, type ItemDraft, inputOf, type KitDraft } from './kitDraft';

type Props = {
  /** Null for a new kit. */
  kit: Kit | null;
  catalog: Catalog;
  agencies: Agency[];
  onClose: () => void;
  onSaved: (kit: Kit) => void;
};

const UNREAD = {
  number: 'kits.badNumber',
  type: 'kits.typeNeeded',
  observance: 'kits.observanceNeeded',
} as const;

const ITEM_FIELDS = [
  'title',
  'typeCode',
  'offsetDays',
  'durationDays',
  'channelCodes',
  'targetGroupCodes',
  'lead',
  'expected',
];

function fieldsOf(draft: KitDraft): string[] {
  return [
    'code',
    'name',
    'anchor',
    'anchor.day',
    'anchor.month',
    'anchor.observanceCode',
    ...draft.items.flatMap((_, index) => [
      `items.${index}`,
      ...ITEM_FIELDS.map((field) => `items.${index}.${field}`),
    ]),
  ];
}

export function KitForm({ kit, catalog, agencies, onClose, onSaved }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const [draft, setDraft] = useState<KitDraft>(() => draftOf(kit));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ byField: FieldErrors; general: string[] }>({
    byField: {},
    general: [],
  });
  const { form, refused } = useFocusOnInvalid();
  const change = (fields: Partial<KitDraft>) => setDraft((current) => ({ ...current, ...fields }));
  const changeItem = (key: number, fields: Partial<ItemDraft>) =>
    setDraft((current) => ({
      ...current,
      items: current.items.map((item) => (item.key === key ? { ...item, ...fields } : item)),
    }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = inputOf(draft);
    if ('unread' in read) {
      setErrors({
        byField: Object.fromEntries(read.unread.map(({ path, reason }) => [path, t(UNREAD[reason])])),
        general: [],
      });
      refused();
      return;
    }
    setBusy(true);
    setErrors({ byField: {}, general: [] });
    try {
      const { code, ...rest } = read.input;
      const saved = kit
        ? await updateKit(kit.id, kit.version, code === kit.code ? rest : read.input)
        : await createKit(read.input);
      onSaved(saved);
    } catch (error) {
      setErrors(splitErrors(error, fieldsOf(draft), t));
      setBusy(false);
      refused();
    }
  };

  const err = errors.byField;
  return (
    <Dialog title={kit ? t('kits.editTitle') : t('kits.createTitle')} onClose={onClose} wide>
      <form ref={form} className="form kit-form" onSubmit={submit} noValidate>
        <FormErrors messages={errors.general} />
        <div className="form__grid">
          <TextField
            label={t('kits.name')}
            value={draft.name}
            onChange={(name) => change({ name })}
            error={err.name}
            maxLength={300}
            required
          />
          <TextField
            label={t('kits.code')}
            value={draft.code}
            onChange={(code) => change({ code })}
            error={err.code}
            hint={t('kits.codeHint')}
            spellCheck={false}
            autoComplete="off"
            maxLength={64}
            required
          />
        </div>
        <AnchorFields draft={draft} catalog={catalog} errors={err} onChange={change} />
        <h3 className="kit-form__heading">{t('kits.items')}</h3>
        <FormErrors messages={err.items ? [err.items] : []} />
        {draft.items.map((item, index) => (
          <ItemFields
            key={item.key}
            item={item}
            n={index + 1}
            errorOf={(field) =>
              err[`items.${index}.${field}`] ?? (field === 'title' ? err[`items.${index}`] : undefined)
            }
            catalog={catalog}
            agencies={agencies}
            language={language}
            t={t}
            onChange={(fields) => changeItem(item.key, fields)}
            onRemove={
              draft.items.length > 1
                ? () => change({ items: draft.items.filter((entry) => entry.key !== item.key) })
                : undefined
            }
          />
        ))}
        <div className="form-actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => change({ items: [...draft.items, emptyItem()] })}
          >
            {t('kits.addItem')}
          </button>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function AnchorFields({
  draft,
  catalog,
  errors,
  onChange,
}: {
  draft: KitDraft;
  catalog: Catalog;
  errors: FieldErrors;
  onChange: (fields: Partial<KitDraft>) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t('kits.anchor')}</legend>
      <div className="form__grid">
        <SelectField
          label={t('kits.anchorKind')}
          value={draft.anchorKind}
          onChange={(value) => onChange({ anchorKind: value === 'observance' ? 'observance' : 'fixed' })}
        >
          <option value="observance">{t('kits.anchorObservance')}</option>
          <option value="fixed">{t('kits.anchorFixed')}</option>
        </SelectField>
        {draft.anchorKind === 'observance' ? (
          <SelectField
            label={t('kits.observance')}
            value={draft.observanceCode}
            onChange={(observanceCode) => onChange({ observanceCode })}
            error={errors['anchor.observanceCode'] ?? errors.anchor}
            required
          >
            <option value="">{t('common.none')}</option>
            {catalog.observances.map((observance) => (
              <option key={observance.code} value={observance.code}>
                {observance.day}/{observance.month} – {entryName(observance, language)}
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <TextField
              label={t('kits.anchorDay')}
              value={draft.day}
              onChange={(day) => onChange({ day })}
              error={errors['anchor.day'] ?? errors.anchor}
              inputMode="numeric"
              required
            />
            <TextField
              label={t('kits.anchorMonth')}
              value={draft.month}
              onChange={(month) => onChange({ month })}
              error={errors['anchor.month']}
              inputMode="numeric"
              required
            />
          </>
        )}
      </div>
    </fieldset>
  );
}

/** Several codes of a short list (channels, target groups) as checkboxes side by side. */
function CodeChecks({
  label,
  options,
  selected,
  onChange,
  error,
}: {
  label: string;
  options: { code: string; label: string }[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className={error ? 'fieldset kit-checks field--invalid' : 'fieldset kit-checks'}>
      <legend className="field__label">{label}</legend>
      <ul className="kit-checks__list">
        {options.map((option) => (
          <li key={option.code}>
            <input
              id={`${id}-${option.code}`}
              type="checkbox"
              checked={selected.includes(option.code)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, option.code]
                    : selected.filter((code) => code !== option.code),
                )
              }
            />
            <label htmlFor={`${id}-${option.code}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

function ItemFields({
  item,
  n,
  errorOf,
  catalog,
  agencies,
  language,
  t,
  onChange,
  onRemove,
}: {
  item: ItemDraft;
  n: number;
  errorOf: (field: string) => string | undefined;
  catalog: Catalog;
  agencies: Agency[];
  language: Language;
  t: Translate;
  onChange: (fields: Partial<ItemDraft>) => void;
  onRemove: (() => void) | undefined;
}) {
  const today = todayIn(useTimeZone());
  const type = catalog.activityTypes.find((entry) => entry.code === item.typeCode);
  // The type's figures, and any the item already plans that the type no longer lists.
  const figureCodes = [...new Set([...(type?.indicatorCodes ?? []), ...Object.keys(item.expected)])];
  const named = item.lead === 'each_agency' || item.lead === 'each_unit_committee' ? null : Number(item.lead);
  return (
    <fieldset className="fieldset kit-item">
      <legend className="kit-item__legend">
        {t('kits.item', { n })}
        {item.title ? `: ${item.title}` : ''}
      </legend>
      <TextField
        label={t('kits.itemTitle')}
        value={item.title}
        onChange={(title) => onChange({ title })}
        error={errorOf('title')}
        maxLength={300}
        required
      />
      <div className="form__grid">
        <SelectField
          label={t('kits.itemType')}
          value={item.typeCode}
          onChange={(typeCode) => onChange({ typeCode })}
          error={errorOf('typeCode')}
          required
        >
          <option value="">{t('kits.chooseType')}</option>
          {catalog.activityTypes.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {entryName(entry, language)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('kits.offset')}
          value={item.offsetDays}
          onChange={(offsetDays) => onChange({ offsetDays })}
          error={errorOf('offsetDays')}
          hint={t('kits.offsetHint')}
          inputMode="numeric"
          required
        />
        <TextField
          label={t('kits.duration')}
          value={item.durationDays}
          onChange={(durationDays) => onChange({ durationDays })}
          error={errorOf('durationDays')}
          inputMode="numeric"
          required
        />
        <SelectField
          label={t('kits.lead')}
          value={item.lead}
          onChange={(lead) => onChange({ lead })}
          error={errorOf('lead')}
          hint={t('kits.leadHint')}
          required
        >
          <option value="each_agency">{t('kits.leadEachAgencyShort')}</option>
          <option value="each_unit_committee">{t('kits.leadEachUnitShort')}</option>
          {agencyOptions(agencies, today, named, language, t)}
        </SelectField>
      </div>
      <CodeChecks
        label={t('kits.channels')}
        options={catalog.channels.map((entry) => ({ code: entry.code, label: entryName(entry, language) }))}
        selected={item.channelCodes}
        onChange={(channelCodes) => onChange({ channelCodes })}
        error={errorOf('channelCodes')}
      />
      <CodeChecks
        label={t('kits.targetGroups')}
        options={catalog.targetGroups.map((entry) => ({
          code: entry.code,
          label: entryName(entry, language),
        }))}
        selected={item.targetGroupCodes}
        onChange={(targetGroupCodes) => onChange({ targetGroupCodes })}
        error={errorOf('targetGroupCodes')}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('kits.expected')}</legend>
        {figureCodes.length === 0 ? <p className="muted">{t('kits.expectedNone')}</p> : null}
        <div className="form__grid">
          {figureCodes.map((code) => {
            const indicator = catalog.indicators.find((entry) => entry.code === code);
            return (
              <TextField
                key={code}
                label={indicator ? entryName(indicator, language) : code}
                value={item.expected[code] ?? ''}
                onChange={(text) => onChange({ expected: { ...item.expected, [code]: text } })}
                inputMode="numeric"
              />
            );
          })}
        </div>
        {errorOf('expected') ? <p className="field__error">{errorOf('expected')}</p> : null}
      </fieldset>
      {onRemove ? (
        <div className="form-actions">
          <button type="button" className="button button--secondary button--small" onClick={onRemove}>
            {t('kits.removeItem', { n })}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

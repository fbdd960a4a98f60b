// Share links: a read-only calendar narrowed by filters, for leaders without an account.
// Admins and coordinators make them (the link's address is shown once), see how often each
// was used, and revoke them.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { ShareLinkInput } from '../../../../server/contracts/share-links';
import { activityStatuses } from '../../api/activities';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Campaign, listCampaigns } from '../../api/campaigns';
import { type Catalog, getCatalog } from '../../api/catalog';
import {
  createShareLink,
  listShareLinks,
  type NewShareLinkAnswer,
  revokeShareLink,
  type ShareFilter,
  type ShareLink,
  type ShareLinkPage,
} from '../../api/shareLinks';
import { listUnits, type Unit } from '../../api/units';
import { listUsers, type User } from '../../api/users';
import { useTimeZone } from '../../app/timeZone';
import { DateField, dayText, SelectField, TextAreaField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, agencyOptions, ConfirmDialog, LoadState } from '../../components/records';
import { SecretBox } from '../../components/SecretBox';
import { useRecordForm } from '../../components/useRecordForm';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { addDays, formatInstant, formatIsoDay, formatLastDay, hasPassed, todayIn } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/vi';
import { chosenId, intoContract, neededDay, typedText } from '../../lib/form-values';
import { agencyName, byName, entryName, namesById, validOn } from '../../lib/names';

type Reference = {
  links: ShareLinkPage;
  agencies: Agency[];
  units: Unit[];
  campaigns: Campaign[];
  catalog: Catalog;
  users: User[];
};

type LinkStatus = 'active' | 'expired' | 'revoked';

function statusOf(link: ShareLink): LinkStatus {
  if (link.revokedAt) return 'revoked';
  return hasPassed(link.expiresAt) ? 'expired' : 'active';
}

/** A link's name in a sentence: its note, or its number when it has none. */
function linkName(link: ShareLink): string {
  return link.note || `#${link.id}`;
}

/** `Cơ quan: Công an thành phố Huế`, one for each filter the link has, by name. */
function describeFilter(
  filter: ShareFilter,
  reference: Reference,
  language: Language,
  t: Translate,
): { label: string; value: string }[] {
  const agency = namesById(reference.agencies, (record) => agencyName(record, language));
  const unit = namesById(reference.units, (record) => record.name);
  const campaign = namesById(reference.campaigns, (record) => record.name);
  const entry = (entries: { code: string; name: string; nameEn: string }[], code: string) => {
    const found = entries.find((candidate) => candidate.code === code);
    return found ? entryName(found, language) : code;
  };
  const { catalog } = reference;
  const parts: [MessageKey, string | undefined][] = [
    ['shareLinks.agency', filter.agencyId ? agency(filter.agencyId) : undefined],
    ['shareLinks.unit', filter.unitId ? unit(filter.unitId) : undefined],
    ['shareLinks.campaign', filter.campaignId ? campaign(filter.campaignId) : undefined],
    ['shareLinks.task', filter.taskId ? `#${filter.taskId}` : undefined],
    ['shareLinks.type', filter.typeCode ? entry(catalog.activityTypes, filter.typeCode) : undefined],
    ['shareLinks.channel', filter.channelCode ? entry(catalog.channels, filter.channelCode) : undefined],
    [
      'shareLinks.targetGroup',
      filter.targetGroupCode ? entry(catalog.targetGroups, filter.targetGroupCode) : undefined,
    ],
    ['shareLinks.status', filter.status ? t(`status.${filter.status}`) : undefined],
  ];
  return parts.flatMap(([label, value]) => (value === undefined ? [] : [{ label: t(label), value }]));
}

export function ShareLinksPage() {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const [created, setCreated] = useState<NewShareLinkAnswer | null>(null);

  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [links, agencies, units, campaigns, catalog, users] = await Promise.all([
      listShareLinks(signal),
      listAgencies({ signal }),
      listUnits({ signal }),
      listCampaigns(signal),
      getCatalog(signal),
      listUsers(signal),
    ]);
    return { links, agencies, units, campaigns, catalog, users };
  }, []);
  const list = useAdminList<Reference, { kind: 'create' } | { kind: 'revoke'; link: ShareLink }>(
    ['share-links'],
    load,
  );
  const { data, editing } = list;
  const userName = useMemo(() => namesById(data?.users ?? [], (user) => user.displayName), [data]);
  // The question's dialog shows a refusal itself (mutateAsync rejects to it).
  const revoke = useMutation({
    mutationFn: (link: ShareLink) => revokeShareLink(link.id),
    onSuccess: (_, link) => {
      if (created?.id === link.id) setCreated(null);
      list.done(t('shareLinks.revoked', { name: linkName(link) }));
    },
  });

  return (
    <AdminPage
      title={t('admin.shareLinks')}
      notice={list.notice}
      actions={
        <button type="button" className="button" onClick={() => list.setEditing({ kind: 'create' })}>
          {t('shareLinks.create')}
        </button>
      }
    >
      <p className="page__intro">{t('shareLinks.intro')}</p>

      {created ? (
        <SecretBox
          title={t('shareLinks.newTitle')}
          label={t('shareLinks.link')}
          value={`${window.location.origin}${created.path}`}
          warning={t('shareLinks.once')}
          onDismiss={() => setCreated(null)}
        >
          <p className="secret-box__usage">
            {t('shareLinks.usage', { date: formatLastDay(created.expiresAt, timeZone) })}
          </p>
        </SecretBox>
      ) : null}

      <LoadState loaded={list} failedTitle={t('shareLinks.loadFailed')}>
        {(reference) => (
          <RecordTable
            label={t('shareLinks.list')}
            caption={t('common.count', { shown: reference.links.items.length, total: reference.links.total })}
            rows={reference.links.items}
            rowKey={(link) => link.id}
            rowClassName={(link) => (statusOf(link) === 'active' ? undefined : 'table__row--muted')}
            columns={[
              {
                label: t('shareLinks.note'),
                cell: (link) => link.note || <span className="muted">{t('shareLinks.noNote')}</span>,
              },
              {
                label: t('shareLinks.scope'),
                cell: (link) => {
                  const scope = describeFilter(link.filter, reference, language, t);
                  return scope.length === 0 ? (
                    <span className="muted">{t('shareLinks.everything')}</span>
                  ) : (
                    <ul className="plain-list">
                      {scope.map((item) => (
                        <li key={item.label}>
                          <span className="muted">{item.label}:</span> {item.value}
                        </li>
                      ))}
                    </ul>
                  );
                },
              },
              {
                label: t('shareLinks.createdBy'),
                cell: (link) => (
                  <>
                    {userName(link.createdBy)}
                    <span className="table__sub">{formatInstant(link.createdAt, timeZone)}</span>
                  </>
                ),
              },
              {
                label: t('shareLinks.lastDay'),
                className: 'table__nowrap',
                cell: (link) => formatLastDay(link.expiresAt, timeZone),
              },
              {
                label: t('shareLinks.uses'),
                cell: (link) => (
                  <>
                    {link.useCount}
                    <span className="table__sub">
                      {link.lastUsedAt
                        ? t('shareLinks.lastUsed', { at: formatInstant(link.lastUsedAt, timeZone) })
                        : t('shareLinks.neverUsed')}
                    </span>
                  </>
                ),
              },
              {
                label: t('shareLinks.state'),
                cell: (link) => {
                  const status = statusOf(link);
                  return (
                    <>
                      <span className={status === 'active' ? 'badge badge--on' : 'badge badge--off'}>
                        {t(`shareLinkStatus.${status}`)}
                      </span>
                      {link.revokedAt ? (
                        <span className="table__sub">{formatInstant(link.revokedAt, timeZone)}</span>
                      ) : null}
                    </>
                  );
                },
              },
            ]}
            actions={(link) =>
              statusOf(link) === 'active' ? (
                <RowButton
                  danger
                  label={t('shareLinks.revokeOne', { name: linkName(link) })}
                  onClick={() => list.setEditing({ kind: 'revoke', link })}
                >
                  {t('shareLinks.revoke')}
                </RowButton>
              ) : null
            }
            empty={t('shareLinks.none')}
          />
        )}
      </LoadState>

      {data && editing?.kind === 'create' ? (
        <ShareLinkForm
          reference={data}
          onClose={list.close}
          onSaved={(link) => {
            setCreated(link);
            list.done(null);
          }}
        />
      ) : null}
      {editing?.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('shareLinks.revokeTitle', { name: linkName(editing.link) })}
          message={t('shareLinks.revokeMessage')}
          confirmLabel={t('shareLinks.revoke')}
          onClose={list.close}
          onConfirm={async () => {
            await revoke.mutateAsync(editing.link);
          }}
        />
      ) : null}
    </AdminPage>
  );
}

/** How long a new link lasts unless changed: a month covers a usual briefing cycle. */
const defaultDays = 30;
/** The server's bound (server/services/share-links.ts), said in the hint. */
const maxDays = 366;

const linkFields = [
  'note',
  'filter.agencyId',
  'filter.unitId',
  'filter.campaignId',
  'filter.typeCode',
  'filter.channelCode',
  'filter.targetGroupCode',
  'filter.status',
  'filter',
  'expiresOn',
] as const;

/** A filter left at "any" (`''`) is one the link does not hold. */
const anyId = chosenId.transform((id) => id ?? undefined);
const anyCode = z.string().transform((code) => code || undefined);
const anyStatus = z.enum(['', ...activityStatuses]).transform((status) => status || undefined);

/** The link form's fields, as typed: its last day needed, in the page's words (hence made of `t`). */
function linkValues(t: Translate) {
  return intoContract(
    z.object({
      note: typedText.transform((note) => note || undefined),
      filter: z.object({
        agencyId: anyId,
        unitId: anyId,
        campaignId: anyId,
        typeCode: anyCode,
        channelCode: anyCode,
        targetGroupCode: anyCode,
        status: anyStatus,
      }),
      expiresOn: neededDay(t('shareLinks.lastDayNeeded')),
    }),
    ShareLinkInput,
  );
}

function ShareLinkForm({
  reference,
  onClose,
  onSaved,
}: {
  reference: Reference;
  onClose: () => void;
  onSaved: (link: NewShareLinkAnswer) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const today = todayIn(timeZone);
  const schema = useMemo(() => linkValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: {
      note: '',
      filter: {
        agencyId: '',
        unitId: '',
        campaignId: '',
        typeCode: '',
        channelCode: '',
        targetGroupCode: '',
        status: '',
      },
      expiresOn: dayText(addDays(today, defaultDays)),
    },
    fields: linkFields,
    save: createShareLink,
    onSaved,
  });
  const { bind, errors } = editor;

  const unitOptions = useMemo(() => {
    const offered = reference.units
      .filter((unit) => validOn(unit, today))
      .sort((a, b) => a.tier - b.tier || byName(a, b));
    const levels = [...new Set(offered.map((unit) => unit.level))];
    return levels.map((level) => (
      <optgroup key={level} label={t(`unitLevel.${level}`)}>
        {offered
          .filter((unit) => unit.level === level)
          .map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
      </optgroup>
    ));
  }, [reference.units, today, t]);

  const campaigns = useMemo(
    () =>
      [...reference.campaigns].sort(
        (a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name, 'vi'),
      ),
    [reference.campaigns],
  );

  const nothingChosen = Object.values(editor.values.filter).every((chosen) => chosen === '');

  const any = <option value="">{t('shareLinks.any')}</option>;
  return (
    <EditorDialog
      title={t('shareLinks.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
      intro={t('shareLinks.formIntro')}
      saveLabel={t('shareLinks.createSubmit')}
    >
      <TextAreaField
        label={t('shareLinks.note')}
        {...bind('note')}
        hint={t('shareLinks.noteHint')}
        maxLength={300}
        rows={2}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('shareLinks.filters')}</legend>
        <p className="field__hint">
          {nothingChosen ? t('shareLinks.filtersNone') : t('shareLinks.filtersHint')}
        </p>
        <div className="form__grid">
          <SelectField
            label={t('shareLinks.agency')}
            {...bind('filter.agencyId')}
            hint={t('shareLinks.agencyHint')}
          >
            {any}
            {agencyOptions(reference.agencies, today, null, language, t)}
          </SelectField>
          <SelectField label={t('shareLinks.unit')} {...bind('filter.unitId')}>
            {any}
            {unitOptions}
          </SelectField>
          <SelectField label={t('shareLinks.campaign')} {...bind('filter.campaignId')}>
            {any}
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {`${campaign.name} (${formatIsoDay(campaign.startDate)} – ${formatIsoDay(campaign.endDate)})`}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('shareLinks.type')} {...bind('filter.typeCode')}>
            {any}
            {reference.catalog.activityTypes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('shareLinks.channel')} {...bind('filter.channelCode')}>
            {any}
            {reference.catalog.channels.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('shareLinks.targetGroup')} {...bind('filter.targetGroupCode')}>
            {any}
            {reference.catalog.targetGroups.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('shareLinks.status')}
            {...bind('filter.status')}
            onChange={(value) => bind('filter.status').onChange(value as z.input<typeof anyStatus>)}
          >
            {any}
            {activityStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`status.${option}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {errors.filter ? <p className="field__error">{errors.filter}</p> : null}
      </fieldset>
      <div className="form__grid">
        <DateField
          label={t('shareLinks.lastDay')}
          {...bind('expiresOn')}
          hint={t('shareLinks.lastDayHint', { days: maxDays, max: dayText(addDays(today, maxDays)) })}
          required
        />
      </div>
    </EditorDialog>
  );
}

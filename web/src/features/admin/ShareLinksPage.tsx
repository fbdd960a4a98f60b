// Share links: a read-only calendar narrowed by filters, for leaders without an account.
// Admins and coordinators make them (the link's address is shown once), see how often each
// was used, and revoke them.
import { useCallback, useMemo, useState } from 'react';
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
  type ShareLinkInput,
  type ShareLinkPage,
} from '../../api/shareLinks';
import { listUnits, type Unit } from '../../api/units';
import { listUsers, type User } from '../../api/users';
import { useTimeZone } from '../../app/timeZone';
import {
  DateField,
  dayText,
  type FieldErrors,
  readDays,
  SelectField,
  TextAreaField,
} from '../../components/form';
import { EditorDialog, useEditor } from '../../components/RecordEditor';
import { RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, agencyOptions, ConfirmDialog, LoadState } from '../../components/records';
import { SecretBox } from '../../components/SecretBox';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { addDays, formatInstant, formatIsoDay, formatLastDay, todayIn } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/vi';
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

function statusOf(link: ShareLink, now: number): LinkStatus {
  if (link.revokedAt) return 'revoked';
  return Date.parse(link.expiresAt) <= now ? 'expired' : 'active';
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
  const now = Date.now();

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
            rowClassName={(link) => (statusOf(link, now) === 'active' ? undefined : 'table__row--muted')}
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
                  const status = statusOf(link, now);
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
              statusOf(link, now) === 'active' ? (
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
            await revokeShareLink(editing.link.id);
            if (created?.id === editing.link.id) setCreated(null);
            list.done(t('shareLinks.revoked', { name: linkName(editing.link) }));
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
  const [note, setNote] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [typeCode, setTypeCode] = useState('');
  const [channelCode, setChannelCode] = useState('');
  const [targetGroupCode, setTargetGroupCode] = useState('');
  const [status, setStatus] = useState('');
  const [expiresOn, setExpiresOn] = useState(dayText(addDays(today, defaultDays)));
  const editor = useEditor(linkFields);
  const { errors } = editor;

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

  const nothingChosen =
    !agencyId && !unitId && !campaignId && !typeCode && !channelCode && !targetGroupCode && !status;

  const submit = editor.submit(() => {
    const days = readDays({ expiresOn }, t);
    const own: FieldErrors = days.ok ? {} : { ...days.errors };
    if (days.ok && days.values.expiresOn === null) own.expiresOn = t('shareLinks.lastDayNeeded');
    if (!days.ok || !days.values.expiresOn) return own;
    const filter: ShareFilter = {};
    if (agencyId) filter.agencyId = Number(agencyId);
    if (unitId) filter.unitId = Number(unitId);
    if (campaignId) filter.campaignId = Number(campaignId);
    if (typeCode) filter.typeCode = typeCode;
    if (channelCode) filter.channelCode = channelCode;
    if (targetGroupCode) filter.targetGroupCode = targetGroupCode;
    if (status) filter.status = status as ShareFilter['status'];
    const input: ShareLinkInput = { filter, expiresOn: days.values.expiresOn };
    if (note.trim()) input.note = note.trim();
    return async () => onSaved(await createShareLink(input));
  });

  const any = <option value="">{t('shareLinks.any')}</option>;
  return (
    <EditorDialog
      title={t('shareLinks.createTitle')}
      editor={editor}
      onSubmit={submit}
      onClose={onClose}
      intro={t('shareLinks.formIntro')}
      saveLabel={t('shareLinks.createSubmit')}
    >
      <TextAreaField
        label={t('shareLinks.note')}
        value={note}
        onChange={setNote}
        error={errors.note}
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
            value={agencyId}
            onChange={setAgencyId}
            error={errors['filter.agencyId']}
            hint={t('shareLinks.agencyHint')}
          >
            {any}
            {agencyOptions(reference.agencies, today, null, language, t)}
          </SelectField>
          <SelectField
            label={t('shareLinks.unit')}
            value={unitId}
            onChange={setUnitId}
            error={errors['filter.unitId']}
          >
            {any}
            {unitOptions}
          </SelectField>
          <SelectField
            label={t('shareLinks.campaign')}
            value={campaignId}
            onChange={setCampaignId}
            error={errors['filter.campaignId']}
          >
            {any}
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {`${campaign.name} (${formatIsoDay(campaign.startDate)} – ${formatIsoDay(campaign.endDate)})`}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('shareLinks.type')}
            value={typeCode}
            onChange={setTypeCode}
            error={errors['filter.typeCode']}
          >
            {any}
            {reference.catalog.activityTypes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('shareLinks.channel')}
            value={channelCode}
            onChange={setChannelCode}
            error={errors['filter.channelCode']}
          >
            {any}
            {reference.catalog.channels.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('shareLinks.targetGroup')}
            value={targetGroupCode}
            onChange={setTargetGroupCode}
            error={errors['filter.targetGroupCode']}
          >
            {any}
            {reference.catalog.targetGroups.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entryName(entry, language)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('shareLinks.status')}
            value={status}
            onChange={setStatus}
            error={errors['filter.status']}
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
          value={expiresOn}
          onChange={setExpiresOn}
          error={errors.expiresOn}
          hint={t('shareLinks.lastDayHint', { days: maxDays, max: dayText(addDays(today, maxDays)) })}
          required
        />
      </div>
    </EditorDialog>
  );
}

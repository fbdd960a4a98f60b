// "Áp dụng bộ mẫu": a kit applied to a year, a set of agencies and a set of communes. The
// preview lists every activity it will create (the server's own rolled-back run, so that it
// counts and refuses exactly as creating would); "Tạo" creates them all in one transaction,
// and the application can be undone at once while none of its activities has a result.
import './kits.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Campaign, listCampaigns } from '../../api/campaigns';
import { type Catalog, getCatalog } from '../../api/catalog';
import {
  applyKit,
  type Kit,
  type KitApplyInput,
  type KitPreview,
  listKits,
  previewKit,
  undoKitApplication,
} from '../../api/kits';
import { listUnits, type Unit } from '../../api/units';
import { Link } from '../../app/router';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  type FieldErrors,
  FormErrors,
  MultiPicker,
  SelectField,
  splitErrors,
  TextField,
} from '../../components/form';
import { Loading } from '../../components/Loading';
import { TableRegion } from '../../components/Table';
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { periodText } from '../../lib/format';
import { agencyName, byName, namesById, validOn } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { anchorDay, dayRange } from './kitText';

/** Communes, wards and townships: the units whose People's Committee a kit item may name. */
const COMMUNE_LEVELS = new Set(['commune', 'ward', 'township']);

type Props = {
  kits: Kit[];
  /** The kit chosen first; the first of `kits` when none. */
  kitId?: number | undefined;
  /** The open campaign the activities join; without it the application creates one. */
  campaign?: Campaign | undefined;
  onClose: () => void;
  /** After creating or undoing: the screen behind loads again. */
  onChanged: () => void;
};

async function loadChoices(signal: AbortSignal) {
  const [agencies, units, catalog, campaigns] = await Promise.all([
    listAgencies({ signal }),
    listUnits({ signal }),
    getCatalog(signal),
    listCampaigns(signal),
  ]);
  return { agencies, units, catalog, campaigns };
}

export function ApplyKitDialog(props: Props) {
  const t = useT();
  const choices = useLoad(['kit-choices'], loadChoices);
  const first = props.kits.find((kit) => kit.id === props.kitId) ?? props.kits[0];
  return (
    <Dialog
      title={first ? t('kits.applyTitle', { name: first.name }) : t('kits.apply')}
      onClose={props.onClose}
      wide
    >
      {choices.error ? (
        <ErrorAlert title={t('kits.loadFailed')} error={choices.error} onRetry={choices.reload} />
      ) : null}
      {choices.data && first ? (
        <ApplyKit {...props} first={first} {...choices.data} />
      ) : choices.error ? null : (
        <Loading />
      )}
    </Dialog>
  );
}

/** The year a kit is most likely applied to: the campaign's, else this year's unless its anchor is past. */
function defaultYear(kit: Kit, catalog: Catalog, campaign: Campaign | undefined, today: string): number {
  if (campaign) return Number(campaign.startDate.slice(0, 4));
  const year = Number(today.slice(0, 4));
  const anchor = anchorDay(kit.anchor, catalog, year);
  return anchor && anchor < today ? year + 1 : year;
}

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; preview: KitPreview; input: KitApplyInput }
  | { step: 'created'; count: number; applicationId: number; campaignId: number; name: string }
  | { step: 'undone'; count: number };

function ApplyKit({
  kits,
  first,
  campaign,
  onClose,
  onChanged,
  agencies,
  units,
  catalog,
  campaigns,
}: Props & { first: Kit; agencies: Agency[]; units: Unit[]; catalog: Catalog; campaigns: Campaign[] }) {
  const t = useT();
  const [language] = useLanguage();
  const today = todayIn(useTimeZone());
  const [kitId, setKitId] = useState(first.id);
  const kit = kits.find((entry) => entry.id === kitId) ?? first;
  const [yearText, setYearText] = useState(() => String(defaultYear(first, catalog, campaign, today)));
  const [agencyIds, setAgencyIds] = useState<number[]>([]);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  // Without a campaign given: an open campaign of the year chosen here (its id), or '' for a new one.
  const [target, setTarget] = useState('');
  const [newName, setNewName] = useState('');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [busy, setBusy] = useState<'preview' | 'apply' | 'undo' | null>(null);
  const [errors, setErrors] = useState<{ byField: FieldErrors; general: string[] }>({
    byField: {},
    general: [],
  });

  const year = Number(yearText);
  const day =
    anchorDay(kit.anchor, catalog, Number.isInteger(year) ? year : Number(today.slice(0, 4))) ?? today;
  // Those in force on the anchor day, the communes being the ones of after the 2025 merger.
  const agencyChoices = useMemo(
    () =>
      agencies
        .filter((agency) => agency.kind !== 'commune_authority' && validOn(agency, day))
        .sort(byName)
        .map((agency) => ({
          value: agency.id,
          label: agencyName(agency, language),
          detail: agency.shortName,
        })),
    [agencies, day, language],
  );
  const unitChoices = useMemo(
    () =>
      units
        .filter((unit) => COMMUNE_LEVELS.has(unit.level) && validOn(unit, day))
        .sort(byName)
        .map((unit) => ({ value: unit.id, label: unit.name })),
    [units, day],
  );
  const agencyNameOf = useMemo(
    () => namesById(agencies, (agency) => agencyName(agency, language)),
    [agencies, language],
  );
  const unitNameOf = useMemo(() => namesById(units, (unit) => unit.name), [units]);

  const input = (): KitApplyInput | null => {
    if (!/^\d{4}$/.test(yearText.trim())) return null;
    const campaignId = campaign?.id ?? (target ? Number(target) : undefined);
    const name = newName.trim();
    return {
      year: Number(yearText),
      agencyIds,
      unitIds,
      ...(campaignId ? { campaignId } : name ? { campaign: { name } } : {}),
    };
  };
  const fields = ['year', 'agencyIds', 'unitIds', 'campaignId', 'campaign'];
  // The open campaigns whose window touches the year, for adding to one instead of making another.
  const openCampaigns = campaigns
    .filter(
      (entry) =>
        !entry.closedAt && entry.startDate.slice(0, 4) <= yearText && entry.endDate.slice(0, 4) >= yearText,
    )
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const refused = (error: unknown) => setErrors(splitErrors(error, fields, t));
  // Any change of the choices makes the preview shown no longer what "Tạo" would create.
  const changed =
    <V,>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      if (stage.step === 'preview') setStage({ step: 'choose' });
    };

  const preview = async () => {
    const body = input();
    if (!body) {
      setErrors({ byField: { year: t('kits.badNumber') }, general: [] });
      return;
    }
    setBusy('preview');
    setErrors({ byField: {}, general: [] });
    try {
      setStage({ step: 'preview', preview: await previewKit(kit.id, body), input: body });
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const create = async () => {
    if (stage.step !== 'preview') return;
    setBusy('apply');
    setErrors({ byField: {}, general: [] });
    try {
      const applied = await applyKit(kit.id, stage.input);
      setStage({
        step: 'created',
        count: applied.activityIds.length,
        applicationId: applied.applicationId,
        campaignId: applied.campaignId,
        name: stage.preview.campaign.name,
      });
      onChanged();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  const undo = async () => {
    if (stage.step !== 'created') return;
    setBusy('undo');
    setErrors({ byField: {}, general: [] });
    try {
      await undoKitApplication(stage.applicationId);
      setStage({ step: 'undone', count: stage.count });
      onChanged();
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  if (stage.step === 'created' || stage.step === 'undone') {
    return (
      <div className="kit-apply">
        <FormErrors messages={errors.general} />
        <p className="notice notice--success" role="status">
          {stage.step === 'created'
            ? t('kits.created', { count: stage.count, name: stage.name })
            : t('kits.undoDone', { count: stage.count })}
        </p>
        <div className="form-actions">
          {stage.step === 'created' && !campaign ? (
            <Link className="button" href={`/campaigns/${stage.campaignId}`}>
              {t('kits.openCampaign')}
            </Link>
          ) : null}
          {stage.step === 'created' ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy !== null}
              onClick={undo}
            >
              {busy === 'undo' ? t('kits.undoing') : t('kits.undo')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('kits.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="kit-apply">
      <p className="form__intro">{t('kits.applyIntro')}</p>
      <FormErrors messages={errors.general} />
      <div className="form__grid">
        {kits.length > 1 ? (
          <SelectField
            label={t('kits.chooseKit')}
            value={String(kitId)}
            onChange={changed((value: string) => setKitId(Number(value)))}
          >
            {kits.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('kits.year')}
          value={yearText}
          onChange={changed(setYearText)}
          error={errors.byField.year}
          inputMode="numeric"
          maxLength={4}
          required
        />
      </div>
      {campaign ? (
        <p>{t('kits.intoCampaign', { name: campaign.name })}</p>
      ) : (
        <div className="form__grid">
          <SelectField
            label={t('kits.target')}
            value={target}
            onChange={changed(setTarget)}
            error={errors.byField.campaignId}
          >
            <option value="">{t('kits.targetNew')}</option>
            {openCampaigns.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name} ({periodText(entry.startDate, entry.endDate)})
              </option>
            ))}
          </SelectField>
          {target ? null : (
            <TextField
              label={t('kits.newName')}
              value={newName}
              onChange={changed(setNewName)}
              error={errors.byField.campaign}
              hint={t('kits.newNameHint', { name: `${kit.name} ${yearText}` })}
              maxLength={300}
            />
          )}
        </div>
      )}
      <div className="kit-apply__picks">
        <MultiPicker
          label={t('kits.agencies')}
          hint={t('kits.agenciesHint')}
          options={agencyChoices}
          selected={agencyIds}
          onChange={changed(setAgencyIds)}
          error={errors.byField.agencyIds}
        />
        <MultiPicker
          label={t('kits.units')}
          hint={t('kits.unitsHint')}
          options={unitChoices}
          selected={unitIds}
          onChange={changed(setUnitIds)}
          error={errors.byField.unitIds}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className={stage.step === 'preview' ? 'button button--secondary' : 'button'}
          disabled={busy !== null}
          onClick={preview}
        >
          {busy === 'preview' ? t('kits.previewing') : t('kits.preview')}
        </button>
      </div>
      {stage.step === 'preview' ? (
        <PreviewTable
          preview={stage.preview}
          isNew={stage.preview.campaign.id === null}
          agencyNameOf={agencyNameOf}
          unitNameOf={unitNameOf}
        />
      ) : null}
      <div className="form-actions">
        {stage.step === 'preview' ? (
          <button type="button" className="button" disabled={busy !== null} onClick={create}>
            {busy === 'apply'
              ? t('kits.creating')
              : t('kits.submit', { count: stage.preview.activities.length })}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function PreviewTable({
  preview,
  isNew,
  agencyNameOf,
  unitNameOf,
}: {
  preview: KitPreview;
  isNew: boolean;
  agencyNameOf: (id: number) => string;
  unitNameOf: (id: number) => string;
}) {
  const t = useT();
  const { campaign, activities } = preview;
  // A new preview takes the eye (and a screen reader) to its count, below the choices.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!preview) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, [preview]);
  return (
    <section className="kit-preview" aria-label={t('kits.previewTable')}>
      <h3 ref={heading} tabIndex={-1} className="kit-preview__title">
        {t('kits.previewTitle', { count: activities.length })}
      </h3>
      {isNew ? (
        <p>
          {t('kits.newCampaign', {
            name: campaign.name,
            period: periodText(campaign.startDate, campaign.endDate),
          })}
        </p>
      ) : null}
      <TableRegion label={t('kits.previewTable')}>
        <table className="table table--stack table--compact kit-preview__table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('kits.colTitle')}</th>
              <th scope="col">{t('kits.colDate')}</th>
              <th scope="col">{t('kits.colLead')}</th>
              <th scope="col">{t('kits.colUnit')}</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity, index) => (
              <tr key={`${activity.itemIndex}-${activity.leadAgencyId}-${activity.unitIds.join(',')}`}>
                <th scope="row">{index + 1}</th>
                <td data-label={t('kits.colTitle')}>{activity.title}</td>
                <td data-label={t('kits.colDate')} className="table__nowrap">
                  {dayRange(activity.start, activity.end)}
                </td>
                <td data-label={t('kits.colLead')}>{agencyNameOf(activity.leadAgencyId)}</td>
                <td data-label={t('kits.colUnit')}>
                  {activity.unitIds.length > 0 ? activity.unitIds.map(unitNameOf).join(', ') : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** The kits, loaded for a screen that offers to apply one. */
export function useKits() {
  const load = useCallback((signal: AbortSignal) => listKits(signal), []);
  return useLoad(['kits'], load);
}

// Media output (DESIGN §5.6): what was published, by channel and month, and its figures by
// channel. Each indicator keeps its unit: views are not reach, SMS sent are not people, and
// figures of different units are never added. Reach (`max`) is the largest single item's,
// not a sum. An item on several channels is in each channel's row and counted once in the
// totals. The communication department records a published item here in one step.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { MediaOutputQuery } from '../../../../server/contracts/media-output';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Campaign, listCampaigns } from '../../api/campaigns';
import { type Catalog, getCatalog } from '../../api/catalog';
import { getMediaOutput, type MediaOutput } from '../../api/mediaOutput';
import { getReportPeriods } from '../../api/reports';
import { canCreateActivities } from '../../app/permissions';
import { Link } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { PageFrame } from '../../components/ActivityParts';
import { CheckboxField, DateField, dayText, SelectField } from '../../components/form';
import { agencyOptions, LoadState } from '../../components/records';
import { TableRegion } from '../../components/Table';
import { useRecordForm } from '../../components/useRecordForm';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { formatIsoDay, todayIn } from '../../i18n/dates';
import { intoContract, neededDay } from '../../lib/form-values';
import { unitText, useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { HeldForm } from '../results/HeldForm';
import { heldActivityHref } from '../results/links';
import { monthLabel, monthsOf, type Period, type Preset, presetOf, presetPeriod, presets } from './period';
import './media.css';

/** The official reporting year (15/12–14/12 by default) that holds a day, and its number. */
type OfficialYear = Period & { year: number };

type Reference = {
  catalog: Catalog;
  agencies: Agency[];
  campaigns: Campaign[];
  official: OfficialYear | null;
};

/** The server knows the reporting year's start (REPORT_YEAR_START): ask it, for this year and the next. */
async function officialYearOf(today: string, signal: AbortSignal): Promise<OfficialYear | null> {
  const year = Number(today.slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const periods = await getReportPeriods(candidate, signal);
    const found = periods.items.find((period) => period.kind === 'official-year');
    if (found && found.startDate <= today && today <= found.endDate) {
      return { year: candidate, startDate: found.startDate, endDate: found.endDate };
    }
  }
  return null;
}

async function loadReference(today: string, signal: AbortSignal): Promise<Reference> {
  const [catalog, agencies, campaigns, official] = await Promise.all([
    getCatalog(signal),
    listAgencies({ signal }),
    listCampaigns(signal),
    officialYearOf(today, signal),
  ]);
  return { catalog, agencies, campaigns, official };
}

/** The filters an address carries (`?startDate=…&endDate=…&agencyId=…&campaignId=…&accepted=1`). */
function filtersFromAddress(search: string, fallback: Period): Filters {
  const params = new URLSearchParams(search);
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  };
  const id = (name: string) => (/^\d+$/.test(params.get(name) ?? '') ? (params.get(name) ?? '') : '');
  const startDate = date('startDate');
  const endDate = date('endDate');
  const period = startDate && endDate && startDate <= endDate ? { startDate, endDate } : fallback;
  return {
    ...period,
    agencyId: id('agencyId'),
    campaignId: id('campaignId'),
    acceptedOnly: params.get('accepted') === '1',
  };
}

/** The filters written back into the address, so that a link or a reload shows the same figures. */
function addressOf(filters: Filters): string {
  const params = new URLSearchParams({ startDate: filters.startDate, endDate: filters.endDate });
  if (filters.agencyId) params.set('agencyId', filters.agencyId);
  if (filters.campaignId) params.set('campaignId', filters.campaignId);
  if (filters.acceptedOnly) params.set('accepted', '1');
  return `${window.location.pathname}?${params}`;
}

type Filters = Period & { agencyId: string; campaignId: string; acceptedOnly: boolean };

export function MediaPage() {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const load = useCallback((signal: AbortSignal) => loadReference(todayIn(timeZone), signal), [timeZone]);
  const reference = useLoad(['media-reference'], load);
  return (
    <PageFrame
      title={t('media.title')}
      actions={
        canCreateActivities(user) ? (
          <Link href={heldActivityHref} className="work-page__button">
            {t('results.held.link')}
          </Link>
        ) : null
      }
    >
      <p className="work-page__intro">{t('media.intro')}</p>
      <LoadState loaded={reference} failedTitle={t('media.loadFailed')}>
        {(data) => <MediaOutputView reference={data} />}
      </LoadState>
    </PageFrame>
  );
}

function MediaOutputView({ reference }: { reference: Reference }) {
  const t = useT();
  const [language] = useLanguage();
  const user = useUser();
  const timeZone = useTimeZone();
  const today = useMemo(() => todayIn(timeZone), [timeZone]);
  const [filters, setFilters] = useState<Filters>(() =>
    filtersFromAddress(window.location.search, presetPeriod('year', today)),
  );
  useEffect(() => {
    window.history.replaceState(window.history.state, '', addressOf(filters));
  }, [filters]);
  const official = reference.official;
  const officialPeriod = official
    ? { startDate: official.startDate, endDate: official.endDate < today ? official.endDate : today }
    : null;
  const isOfficial =
    officialPeriod !== null &&
    filters.startDate === officialPeriod.startDate &&
    filters.endDate === officialPeriod.endDate;
  // A preset starts the typed dates again from its period, their refusals gone.
  const [datesKey, setDatesKey] = useState(0);
  const [quickOpen, setQuickOpen] = useState(false);
  const [quickKey, setQuickKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    (signal: AbortSignal) =>
      getMediaOutput(
        {
          startDate: filters.startDate,
          endDate: filters.endDate,
          agencyId: filters.agencyId ? Number(filters.agencyId) : undefined,
          campaignId: filters.campaignId ? Number(filters.campaignId) : undefined,
          acceptedOnly: filters.acceptedOnly,
        },
        signal,
      ),
    [filters],
  );
  const output = useLoad(['media-output', filters], load);

  const setPeriod = (period: Period) => setFilters((current) => ({ ...current, ...period }));
  const choosePreset = (preset: Preset) => {
    setPeriod(presetPeriod(preset, today));
    setDatesKey((key) => key + 1);
  };

  const current = presetOf(filters, today);
  const campaigns = useMemo(
    () => [...reference.campaigns].sort((a, b) => b.startDate.localeCompare(a.startDate)),
    [reference.campaigns],
  );

  return (
    <>
      <section className="media-filters" aria-label={t('media.filters')}>
        <fieldset className="media-presets">
          <legend className="field__label">{t('media.period')}</legend>
          <div className="media-presets__buttons">
            {presets.map((preset) => (
              <button
                key={preset}
                type="button"
                className={
                  current === preset ? 'button button--small' : 'button button--small button--secondary'
                }
                aria-pressed={current === preset}
                onClick={() => choosePreset(preset)}
              >
                {t(`media.preset.${preset}`)}
              </button>
            ))}
            {official && officialPeriod ? (
              <button
                type="button"
                className={isOfficial ? 'button button--small' : 'button button--small button--secondary'}
                aria-pressed={isOfficial}
                onClick={() => {
                  setPeriod(officialPeriod);
                  setDatesKey((key) => key + 1);
                }}
              >
                {t('media.preset.officialYear', { year: String(official.year) })}
              </button>
            ) : null}
          </div>
          {official ? (
            <p className="field__hint">
              {t('media.officialYearHint', {
                year: String(official.year),
                start: dayText(official.startDate),
                end: dayText(official.endDate),
              })}
            </p>
          ) : null}
        </fieldset>
        <PeriodDates key={datesKey} period={filters} onPeriod={setPeriod} />
        <div className="form__grid">
          <SelectField
            label={t('media.agency')}
            value={filters.agencyId}
            onChange={(agencyId) => setFilters((current) => ({ ...current, agencyId }))}
          >
            <option value="">{t('common.all')}</option>
            {agencyOptions(reference.agencies, today, null, language, t)}
          </SelectField>
          <SelectField
            label={t('media.campaign')}
            value={filters.campaignId}
            onChange={(campaignId) => setFilters((current) => ({ ...current, campaignId }))}
          >
            <option value="">{t('common.all')}</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {`${campaign.name} (${formatIsoDay(campaign.startDate)} – ${formatIsoDay(campaign.endDate)})`}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField
          label={t('media.acceptedOnly')}
          checked={filters.acceptedOnly}
          onChange={(acceptedOnly) => setFilters((current) => ({ ...current, acceptedOnly }))}
        />
      </section>

      <p className="notice notice--success" role="status">
        {notice}
      </p>

      {canCreateActivities(user) ? (
        <section className="work-page__panel media-quick" aria-labelledby="media-quick-title">
          <div className="media-quick__head">
            <h3 id="media-quick-title">{t('media.quickTitle')}</h3>
            <button
              type="button"
              className={quickOpen ? 'button button--secondary' : 'button'}
              aria-expanded={quickOpen}
              aria-controls="media-quick-form"
              onClick={() => setQuickOpen((open) => !open)}
            >
              {quickOpen ? t('media.quickClose') : t('media.quickOpen')}
            </button>
          </div>
          <p className="work-page__note">{t('media.quickHint')}</p>
          {quickOpen ? (
            <div id="media-quick-form">
              <HeldForm
                key={quickKey}
                mode="media"
                user={user}
                catalog={reference.catalog}
                agencies={reference.agencies}
                units={[]}
                onSaved={(held) => {
                  setNotice(t('media.quickSaved', { title: held.activity.title }));
                  setQuickKey((key) => key + 1);
                  output.reload();
                }}
              />
            </div>
          ) : null}
        </section>
      ) : null}

      <LoadState loaded={output} failedTitle={t('media.outputFailed')}>
        {(data) => <OutputTables output={data} catalog={reference.catalog} />}
      </LoadState>
    </>
  );
}

/**
 * The two dates as typed, both needed and in order, in the page's words (hence made of `t`),
 * then checked as the media output's query takes them.
 */
function periodValues(t: Translate) {
  return intoContract(
    z
      .object({ startDate: neededDay(t('media.dayNeeded')), endDate: neededDay(t('media.dayNeeded')) })
      .refine((period) => period.endDate >= period.startDate, {
        path: ['endDate'],
        message: t('media.endBeforeStart'),
      }),
    MediaOutputQuery,
  );
}

/** The period typed as two dates, applied to the page's filters. */
function PeriodDates({ period, onPeriod }: { period: Period; onPeriod: (period: Period) => void }) {
  const t = useT();
  const schema = useMemo(() => periodValues(t), [t]);
  const dates = useRecordForm({
    schema,
    defaultValues: { startDate: dayText(period.startDate), endDate: dayText(period.endDate) },
    fields: ['startDate', 'endDate'],
    // Nothing is sent from here: the page asks for the output of the period it applies.
    save: async ({ startDate, endDate }) => ({ startDate, endDate }),
    onSaved: onPeriod,
  });
  return (
    <form ref={dates.form} className="media-filters__dates" onSubmit={dates.submit} noValidate>
      <DateField label={t('media.from')} {...dates.bind('startDate')} />
      <DateField label={t('media.to')} {...dates.bind('endDate')} />
      <div className="media-filters__apply">
        <button type="submit" className="button">
          {t('media.apply')}
        </button>
      </div>
    </form>
  );
}

function channelName(catalog: Catalog, code: string, language: Language): string {
  const channel = catalog.channels.find((entry) => entry.code === code);
  return channel ? entryName(channel, language) : code;
}

/** An indicator's heading: its name and unit; a `max` one says it is the largest single figure. */
function indicatorHeading(indicator: MediaOutput['indicators'][number], language: Language, t: Translate) {
  const unit = unitText(indicator, t);
  const name = entryName(indicator, language);
  return {
    name,
    unit,
    note: indicator.aggregation === 'max' ? t('media.maxNote') : '',
    text: `${name}${unit ? ` (${unit})` : ''}${indicator.aggregation === 'max' ? ` – ${t('media.maxNote')}` : ''}`,
  };
}

function OutputTables({ output, catalog }: { output: MediaOutput; catalog: Catalog }) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const months = monthsOf(output);
  const order = new Map(catalog.channels.map((channel, index) => [channel.code, index]));
  const channels = [...output.byChannel].sort(
    (a, b) => (order.get(a.channelCode) ?? 999) - (order.get(b.channelCode) ?? 999),
  );
  const cell = (channelCode: string, month: string) =>
    output.rows.find((row) => row.channelCode === channelCode && row.month === month);
  // Only the indicators something was reported for: twelve empty columns help nobody.
  const indicators = output.indicators.filter(
    (indicator) => output.totals.values[indicator.code] !== undefined,
  );
  const period = `${formatIsoDay(output.startDate)} – ${formatIsoDay(output.endDate)}`;

  if (output.totals.items === 0) {
    return <p className="media-empty">{t('media.none', { period })}</p>;
  }

  return (
    <>
      <section className="work-section" aria-labelledby="media-items-title">
        <h3 id="media-items-title">{t('media.itemsTitle')}</h3>
        <p className="work-page__note">{t('media.itemsHint', { period })}</p>
        <TableRegion label={t('media.itemsTable')}>
          <table className="table table--compact media-table">
            <caption className="table__caption">{t('media.itemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('media.channel')}</th>
                {months.map((month) => (
                  <th key={month} scope="col" className="media-table__number">
                    {monthLabel(month)}
                  </th>
                ))}
                <th scope="col" className="media-table__number">
                  {t('media.channelTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((channel) => (
                <tr key={channel.channelCode} data-channel={channel.channelCode}>
                  <th scope="row">{channelName(catalog, channel.channelCode, language)}</th>
                  {months.map((month) => {
                    const items = cell(channel.channelCode, month)?.items;
                    return (
                      <td key={month} className="media-table__number" data-month={month}>
                        {items ? number(items) : <span className="muted">–</span>}
                      </td>
                    );
                  })}
                  <td className="media-table__number media-table__total">{number(channel.items)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <p className="media-total">
          {t('media.itemsTotal', { count: number(output.totals.items) })}
          {output.rowsOverlap ? ` ${t('media.overlap')}` : ''}
        </p>
      </section>

      <section className="work-section" aria-labelledby="media-figures-title">
        <h3 id="media-figures-title">{t('media.figuresTitle')}</h3>
        <p className="work-page__note">{t('media.figuresHint')}</p>
        {indicators.length === 0 ? (
          <p>{t('media.noFigures')}</p>
        ) : (
          <TableRegion label={t('media.figuresTable')}>
            <table className="table table--stack media-table media-figures">
              <caption className="table__caption">{t('media.figuresCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('media.channel')}</th>
                  <th scope="col" className="media-table__number">
                    {t('media.items')}
                  </th>
                  {indicators.map((indicator) => {
                    const heading = indicatorHeading(indicator, language, t);
                    return (
                      <th key={indicator.code} scope="col" className="media-table__number">
                        {heading.name}
                        {heading.unit ? <span className="table__sub">{heading.unit}</span> : null}
                        {heading.note ? <span className="table__sub">{heading.note}</span> : null}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {channels.map((channel) => (
                  <tr key={channel.channelCode} data-channel={channel.channelCode}>
                    <th scope="row">{channelName(catalog, channel.channelCode, language)}</th>
                    <td className="media-table__number" data-label={t('media.items')}>
                      {number(channel.items)}
                    </td>
                    {indicators.map((indicator) => {
                      const value = channel.values[indicator.code];
                      return (
                        <td
                          key={indicator.code}
                          className="media-table__number"
                          data-label={indicatorHeading(indicator, language, t).text}
                          data-indicator={indicator.code}
                        >
                          {value === undefined ? <span className="muted">–</span> : number(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="media-table__totals" data-channel="total">
                  <th scope="row">
                    {t('media.allChannels')}
                    <span className="table__sub">{t('media.allChannelsHint')}</span>
                  </th>
                  <td className="media-table__number" data-label={t('media.items')}>
                    {number(output.totals.items)}
                  </td>
                  {indicators.map((indicator) => {
                    const value = output.totals.values[indicator.code];
                    return (
                      <td
                        key={indicator.code}
                        className="media-table__number"
                        data-label={indicatorHeading(indicator, language, t).text}
                        data-indicator={indicator.code}
                      >
                        {value === undefined ? <span className="muted">–</span> : number(value)}
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            </table>
          </TableRegion>
        )}
        {indicators.some((indicator) => indicator.aggregation === 'max') ? (
          <p className="work-page__note">{t('media.maxExplained')}</p>
        ) : null}
        {output.rowsOverlap ? <p className="work-page__note">{t('media.overlap')}</p> : null}
      </section>
    </>
  );
}

import { useT } from '../../i18n/context';
import { addDays, formatActivityTime, formatIsoDay } from '../../i18n/dates';
import type { Band } from './bands';

/** The two kinds of band, for the legend under the calendar. */
export function BandLegend() {
  const t = useT();
  return (
    <ul className="legend" aria-label={t('calendarEdit.bandsLegend')}>
      <li className="legend__item">
        <span className="legend__swatch band-swatch band-swatch--observance" aria-hidden="true" />
        {t('calendarEdit.observance')}
      </li>
      <li className="legend__item">
        <span className="legend__swatch band-swatch band-swatch--campaign" aria-hidden="true" />
        {t('calendarEdit.campaign')}
      </li>
    </ul>
  );
}

/**
 * The observance days and campaigns of the range on screen, in words: the list view does not
 * draw bands, a small cell cuts a theme short, and a screen reader reads no background.
 */
export function BandList({
  bands,
  onCreateCampaign,
}: {
  bands: readonly Band[];
  /** Offered on an observance's band that no campaign serves yet, to those who create campaigns. */
  onCreateCampaign?: ((band: Band) => void) | undefined;
}) {
  const t = useT();
  if (bands.length === 0) return null;
  return (
    <section className="calendar-bands" aria-label={t('calendarEdit.bandsInRange')}>
      <h3 className="calendar-bands__title">{t('calendarEdit.bandsInRange')}</h3>
      <ul className="calendar-bands__list">
        {bands.map((band) => (
          <li key={band.key} className={`calendar-bands__item calendar-bands__item--${band.kind}`}>
            <span
              className={`band-swatch band-swatch--${band.kind}`}
              aria-hidden="true"
              style={{ background: band.color }}
            />
            <span className="calendar-bands__when">
              {/* Band dates are whole days in the deployment's zone: the zone does not move them. */}
              {formatActivityTime({ allDay: true, start: band.start, end: band.end }, 'UTC')}
            </span>
            <span>
              <span className="calendar-bands__kind">
                {t(band.kind === 'observance' ? 'calendarEdit.observance' : 'calendarEdit.campaign')}:{' '}
              </span>
              <strong>{band.name}</strong>
              {band.theme ? <span className="calendar-bands__theme"> — {band.theme}</span> : null}
            </span>
            {onCreateCampaign && band.observance && !band.observance.hasCampaign ? (
              <button
                type="button"
                className="button button--secondary button--small calendar-bands__action"
                onClick={() => onCreateCampaign(band)}
              >
                {band.end === addDays(band.start, 1)
                  ? t('campaigns.createPeak', { day: formatIsoDay(band.start) })
                  : t('campaigns.createFor', { name: `${band.name} ${band.observance.year}` })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

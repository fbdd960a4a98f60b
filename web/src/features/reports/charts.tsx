// The report's figures: the headline totals, and bar charts of activities (and of those
// done) by month, type, channel, agency and target group. Every bar is a link to the
// activities behind it on the calendar, says its figures in words, and every chart has
// the same figures as a table, for a screen reader and for whoever wants the indicators.
import { useId, useState } from 'react';
import type { Summary } from '../../api/reports';
import { Link } from '../../app/router';
import { TableRegion } from '../../components/Table';
import { useLanguage, useT } from '../../i18n/context';
import { unitText, useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';

type Indicator = Summary['indicators'][number];

/** One bar: a row of a summary with its label in the interface's language and where it leads. */
export type ChartRow = {
  key: string;
  label: string;
  activities: number;
  done: number;
  values: Record<string, number>;
  /** The list of exactly the activities this row counts. */
  href: string | undefined;
};

/** An indicator's name, and for a `max` indicator that it is the largest single figure. */
function IndicatorName({ indicator }: { indicator: Indicator }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <>
      {entryName(indicator, language)}
      {indicator.aggregation === 'max' ? (
        <span className="report-note">{t('reports.figures.maxNote')}</span>
      ) : null}
    </>
  );
}

/**
 * The period's totals: activities, those done, and each indicator in its own unit. Figures of
 * different units stay apart; a `max` indicator (unique reach) is the largest single value.
 */
export function Headline({
  summary,
  activitiesHref,
  doneHref,
  indicatorHref,
}: {
  summary: Summary;
  activitiesHref: string;
  doneHref: string;
  /** The activities whose counted result gives this indicator a figure. */
  indicatorHref: (code: string) => string;
}) {
  const t = useT();
  const { number, percent } = useNumbers();
  const id = useId();
  const { totals } = summary;
  const doneShare = percent(totals.done, totals.activities);
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id} className="report-section__title">
        {t('reports.figures.title')}
      </h3>
      <dl className="report-figures">
        <div className="report-figure report-figure--main" data-figure="activities">
          <dt>{t('reports.figures.activities')}</dt>
          <dd>
            <Link href={activitiesHref} className="report-figure__value">
              {number(totals.activities)}
            </Link>
          </dd>
        </div>
        <div className="report-figure report-figure--main" data-figure="done">
          <dt>
            {t('reports.figures.done')}
            {doneShare ? (
              <span className="report-note">{t('reports.figures.doneShare', { percent: doneShare })}</span>
            ) : null}
          </dt>
          <dd>
            <Link href={doneHref} className="report-figure__value">
              {number(totals.done)}
            </Link>
          </dd>
        </div>
        {summary.indicators.map((indicator) => {
          const unit = unitText(indicator, t);
          return (
            <div
              key={indicator.code}
              className={indicator.parentCode ? 'report-figure report-figure--part' : 'report-figure'}
              data-figure="indicator"
              data-indicator={indicator.code}
            >
              <dt>
                <IndicatorName indicator={indicator} />
              </dt>
              <dd>
                <Link href={indicatorHref(indicator.code)} className="report-figure__value">
                  {number(totals.values[indicator.code] ?? 0)}
                </Link>
                {unit ? <span className="report-figure__unit"> {unit}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {summary.indicators.length === 0 ? (
        <p className="muted report-section__none">{t('reports.figures.none')}</p>
      ) : null}
      <p className="report-note report-note--block">{t('reports.figures.unitsNote')}</p>
    </section>
  );
}

/** The two series' legend: a swatch each, and the words that the figures repeat on every bar. */
function Legend() {
  const t = useT();
  return (
    <ul className="bar-legend" aria-hidden="true">
      <li>
        <span className="bar-legend__swatch bar-legend__swatch--all" />
        {t('reports.chart.seriesActivities')}
      </li>
      <li>
        <span className="bar-legend__swatch bar-legend__swatch--done" />
        {t('reports.chart.seriesDone')}
      </li>
    </ul>
  );
}

/** How many bars a long chart (agencies) shows before "show all". */
const SHOWN_AT_FIRST = 15;

export function BarChart({
  name,
  title,
  rows,
  indicators,
  note,
  limit = SHOWN_AT_FIRST,
}: {
  /** A stable name, for tests and styles: `month`, `type`... */
  name: string;
  title: string;
  rows: readonly ChartRow[];
  indicators: readonly Indicator[];
  /** Said above the bars: that rows overlap, for one. */
  note?: string | undefined;
  limit?: number;
}) {
  const t = useT();
  const { number } = useNumbers();
  const id = useId();
  const [all, setAll] = useState(false);
  const max = Math.max(1, ...rows.map((row) => row.activities));
  const shown = all ? rows : rows.slice(0, limit);

  return (
    <section className="report-chart" aria-labelledby={id} data-chart={name}>
      <h3 id={id} className="report-chart__title">
        {title}
      </h3>
      {note ? (
        <p className="report-note report-note--block" data-note="overlap">
          {note}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted report-section__none">{t('reports.chart.empty')}</p>
      ) : (
        <>
          <Legend />
          <ul className="bar-chart" aria-labelledby={id}>
            {shown.map((row) => {
              const content = (
                <>
                  <span className="bar-chart__label">{row.label}</span>
                  <span className="bar-chart__track" aria-hidden="true">
                    <span className="bar-chart__bar" style={{ width: `${(row.activities / max) * 100}%` }}>
                      <span
                        className="bar-chart__done"
                        style={{ width: `${row.activities > 0 ? (row.done / row.activities) * 100 : 0}%` }}
                      />
                    </span>
                  </span>
                  <span className="bar-chart__figures">
                    <span className="bar-chart__count">
                      {t('reports.chart.activitiesCount', { count: number(row.activities) })}
                    </span>
                    <span className="bar-chart__done-count">
                      {t('reports.chart.doneCount', { count: number(row.done) })}
                    </span>
                  </span>
                </>
              );
              return (
                <li key={row.key} className="bar-chart__row" data-key={row.key}>
                  {row.href ? (
                    <Link href={row.href} className="bar-chart__item bar-chart__item--link">
                      {content}
                    </Link>
                  ) : (
                    <span className="bar-chart__item">{content}</span>
                  )}
                </li>
              );
            })}
          </ul>
          {rows.length > limit ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setAll(!all)}
            >
              {all
                ? t('reports.chart.showFewer', { count: number(limit) })
                : t('reports.chart.showAll', { count: number(rows.length) })}
            </button>
          ) : null}
          <details className="report-chart__table">
            <summary>{t('reports.chart.table')}</summary>
            <FiguresTable caption={title} rows={rows} indicators={indicators} />
          </details>
        </>
      )}
    </section>
  );
}

/** A chart's figures as a table: each row's activities, those done and its indicators, each in its unit. */
function FiguresTable({
  caption,
  rows,
  indicators,
}: {
  caption: string;
  rows: readonly ChartRow[];
  indicators: readonly Indicator[];
}) {
  const t = useT();
  const { number } = useNumbers();
  return (
    <TableRegion label={t('reports.chart.tableOf', { title: caption })}>
      <table className="table table--compact report-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.chart.row')}</th>
            <th scope="col" className="report-table__number">
              {t('reports.chart.seriesActivities')}
            </th>
            <th scope="col" className="report-table__number">
              {t('reports.chart.seriesDone')}
            </th>
            {indicators.map((indicator) => {
              const unit = unitText(indicator, t);
              return (
                <th key={indicator.code} scope="col" className="report-table__number report-table__indicator">
                  <IndicatorName indicator={indicator} />
                  {unit ? <span className="report-note">({unit})</span> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.href ? <Link href={row.href}>{row.label}</Link> : row.label}</th>
              <td className="report-table__number">{number(row.activities)}</td>
              <td className="report-table__number">{number(row.done)}</td>
              {indicators.map((indicator) => (
                <td key={indicator.code} className="report-table__number">
                  {row.values[indicator.code] === undefined ? '—' : number(row.values[indicator.code] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

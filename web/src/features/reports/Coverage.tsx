// Where communication did not reach: communes and wards × target groups (or channels), the
// priority ones (border, coastal, mountain, ethnic-minority) first and marked, each empty
// cell a gap shown by a mark and in words, not by colour alone; and the agencies whose
// results are overdue.
import { useCallback, useId } from 'react';
import { type CoverageBy, getCoverage } from '../../api/reports';
import { Link } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { TableRegion } from '../../components/Table';
import { Tabs } from '../../components/Tabs';
import { useLanguage, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/vi';
import { useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import type { Period } from './PeriodChooser';

const tagKeys: Partial<Record<string, MessageKey>> = {
  border: 'reports.coverage.tag.border',
  coastal: 'reports.coverage.tag.coastal',
  mountain: 'reports.coverage.tag.mountain',
  ethnic_minority: 'reports.coverage.tag.ethnic_minority',
};

export function CoverageSection({
  period,
  by,
  onBy,
  agencyName,
}: {
  period: Period;
  by: CoverageBy;
  onBy: (by: CoverageBy) => void;
  /** An agency's name in the interface's language, or undefined for one not known. */
  agencyName: (id: number) => string | undefined;
}) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const id = useId();
  const load = useCallback(
    (signal: AbortSignal) =>
      getCoverage({ startDate: period.startDate, endDate: period.endDate, by }, signal),
    [period.startDate, period.endDate, by],
  );
  const coverage = useLoad(['coverage', period.startDate, period.endDate, by], load);
  const data = coverage.data?.by === by ? coverage.data : undefined;

  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id} className="report-section__title">
        {t('reports.coverage.title')}
      </h3>
      <p className="report-note report-note--block">{t('reports.coverage.filtersNote')}</p>
      <Tabs
        label={t('reports.coverage.by')}
        tabs={[
          { id: 'targetGroup', label: t('reports.coverage.byTargetGroup') },
          { id: 'channel', label: t('reports.coverage.byChannel') },
        ]}
        selected={by}
        onSelect={onBy}
      >
        {coverage.error ? (
          <ErrorAlert
            title={t('reports.coverage.loadFailed')}
            error={coverage.error}
            onRetry={coverage.reload}
          />
        ) : null}
        {data === undefined ? (
          coverage.error ? null : (
            <Loading />
          )
        ) : (
          <div className="coverage">
            <p className="report-note report-note--block">
              {by === 'targetGroup'
                ? t('reports.coverage.introTargetGroup')
                : t('reports.coverage.introChannel')}
            </p>
            <p className="coverage__summary" data-coverage="summary">
              {t('reports.coverage.summary', {
                units: number(data.rows.length),
                priority: number(data.rows.filter((row) => row.priority).length),
                untouched: number(data.rows.filter((row) => row.priority && row.activities === 0).length),
              })}
            </p>
            <ul className="coverage__legend" aria-label={t('reports.coverage.legend')}>
              <li>
                <span className="coverage__legend-mark coverage__gap">—</span>{' '}
                {t('reports.coverage.legendGap')}
              </li>
              <li>
                <span className="coverage__legend-mark coverage__star">★</span>{' '}
                {t('reports.coverage.legendPriority')}
              </li>
            </ul>
            <TableRegion label={t('reports.coverage.tableLabel')}>
              <table className="table table--compact coverage__table">
                <thead>
                  <tr>
                    <th scope="col" className="coverage__unit">
                      {t('reports.coverage.unit')}
                    </th>
                    <th scope="col" className="report-table__number">
                      {t('reports.coverage.total')}
                    </th>
                    {data.columns.map((column) => (
                      <th key={column.code} scope="col" className="coverage__column">
                        {entryName(column, language)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => {
                    const tags = row.tags.flatMap((tag) => {
                      const key = tagKeys[tag];
                      return key ? [t(key)] : [];
                    });
                    return (
                      <tr
                        key={row.unitId}
                        className={row.priority ? 'coverage__row coverage__row--priority' : 'coverage__row'}
                        data-unit={row.unitId}
                      >
                        <th scope="row" className="coverage__unit">
                          {row.priority ? (
                            <span className="coverage__star" title={t('reports.coverage.priority')}>
                              <span aria-hidden="true">★ </span>
                              <span className="visually-hidden">{t('reports.coverage.priority')}: </span>
                            </span>
                          ) : null}
                          {row.name}
                          {tags.length > 0 ? <span className="table__sub">{tags.join(', ')}</span> : null}
                        </th>
                        <Cell count={row.activities} />
                        {data.columns.map((column) => (
                          <Cell key={column.code} count={row.counts[column.code] ?? 0} />
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
            {data.unassigned > 0 ? (
              <p className="report-note report-note--block">
                {t('reports.coverage.unassigned', { count: number(data.unassigned) })}
              </p>
            ) : null}
            <OverdueByAgency overdue={data.overdueByAgency} agencyName={agencyName} />
          </div>
        )}
      </Tabs>
    </section>
  );
}

/** A count, or a gap: a mark a screen reader reads as words, and a tint for whoever sees colour. */
function Cell({ count }: { count: number }) {
  const t = useT();
  const { number } = useNumbers();
  if (count > 0) return <td className="report-table__number">{number(count)}</td>;
  return (
    <td className="report-table__number coverage__gap" data-gap="true">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('reports.coverage.gapWord')}</span>
    </td>
  );
}

function OverdueByAgency({
  overdue,
  agencyName,
}: {
  overdue: { agencyId: number; name: string; overdue: number }[];
  agencyName: (id: number) => string | undefined;
}) {
  const t = useT();
  const { number } = useNumbers();
  const id = useId();
  return (
    <section className="coverage__overdue" aria-labelledby={id}>
      <h4 id={id} className="coverage__overdue-title">
        {t('reports.overdue.title')}
      </h4>
      <p className="report-note report-note--block">{t('reports.overdue.note')}</p>
      {overdue.length === 0 ? (
        <p className="muted report-section__none">{t('reports.overdue.none')}</p>
      ) : (
        <ol className="overdue-list">
          {overdue.map((entry) => (
            <li key={entry.agencyId} className="overdue-list__item" data-agency={entry.agencyId}>
              <Link href={`/?${new URLSearchParams({ view: 'list', agencyId: String(entry.agencyId) })}`}>
                {agencyName(entry.agencyId) ?? entry.name}
              </Link>
              <span className="overdue-list__count">
                {t('reports.overdue.count', { count: number(entry.overdue) })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// The report documents composed so far, drafts and issued, newest period first: each with
// its kind, period, scope, number and status, leading to its editor.
import { useCallback } from 'react';
import { listAgencies } from '../../api/agencies';
import { listReports, type Report } from '../../api/report-records';
import { Link } from '../../app/router';
import { PageFrame } from '../../components/ActivityParts';
import { LoadState } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { periodText } from '../../lib/format';
import { agencyName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { StatusBadge } from './ReportRecordParts';
import './report-records.css';

async function loadReports(signal: AbortSignal) {
  const [reports, agencies] = await Promise.all([listReports(signal), listAgencies({ signal })]);
  return { reports, agencies };
}

export function ReportRecordsPage() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => loadReports(signal), []);
  const loaded = useLoad(['report-records'], load);
  return (
    <PageFrame title={t('records.title')} back={{ href: '/reports', label: t('reports.title') }}>
      <p className="work-page__intro">{t('records.intro')}</p>
      <LoadState loaded={loaded} failedTitle={t('records.loadFailed')}>
        {(data) => <ReportList {...data} />}
      </LoadState>
    </PageFrame>
  );
}

function ReportList({ reports, agencies }: Awaited<ReturnType<typeof loadReports>>) {
  const t = useT();
  const [language] = useLanguage();
  const nameOf = namesById(agencies, (agency) => agencyName(agency, language));
  if (reports.length === 0) return <p className="work-page__empty">{t('records.none')}</p>;
  return (
    <ul className="record-list">
      {reports.map((report: Report) => (
        <li key={report.id} className="record-list__item">
          <Link href={`/report-records/${report.id}`} className="record-list__title">
            {report.subject}
          </Link>
          <span className="record-list__meta">
            {t(`records.kind.${report.kind}`)} · {periodText(report.startDate, report.endDate)} ·{' '}
            {report.agencyId === null ? t('records.scopeProvince') : nameOf(report.agencyId)}
            {report.number
              ? ` · ${t('records.numberLine', { number: report.number, symbol: report.symbol })}`
              : ''}
          </span>
          <StatusBadge report={report} />
        </li>
      ))}
    </ul>
  );
}

// Pieces of the report document screens: the status badge, and the preview, which lays the
// record out as the Word file does (header 40/60, title, numbered sections by the shared
// outline, nơi nhận and the signature), so that what is read here is what will be printed.

import { headedSections, paragraphsOf, recipientLines } from '../../../../server/domain/report-outline';
import { documentDate } from '../../../../server/domain/time';
import type { Report } from '../../api/report-records';
import { useT } from '../../i18n/context';
import { periodText } from '../../lib/format';

export function StatusBadge({ report }: { report: Report }) {
  const t = useT();
  return (
    <span className={report.status === 'issued' ? 'badge badge--on' : 'badge'} data-status={report.status}>
      {t(`records.status.${report.status}`)}
      {report.supersededById ? ` · ${t('records.superseded', { id: report.supersededById })}` : ''}
    </span>
  );
}

/** The report as its pages will read, without the appendix's tables (the Word file has them). */
export function ReportPreview({ report, today }: { report: Report; today: string }) {
  const t = useT();
  const numbered = `Số: ${report.number || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}/${report.symbol}`;
  const signed = [report.signer.rank, report.signer.name].filter(Boolean).join(' ');
  const withPeriod = report.kind === 'custom' || report.kind === 'campaign';
  return (
    <article className="report-preview" aria-label={t('records.preview')} lang="vi">
      <p className="report-preview__note">{t('records.previewNote')}</p>
      <div className="report-preview__page">
        <div className="report-preview__header">
          <div className="report-preview__issuer">
            {report.parentLine ? <p>{report.parentLine.toLocaleUpperCase('vi')}</p> : null}
            <p className="report-preview__strong">{report.issuerName.toLocaleUpperCase('vi')}</p>
            <hr className="report-preview__rule" />
            <p>{numbered}</p>
          </div>
          <div className="report-preview__motto">
            <p className="report-preview__strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="report-preview__strong">Độc lập - Tự do - Hạnh phúc</p>
            <hr className="report-preview__rule report-preview__rule--wide" />
            <p className="report-preview__date">
              {report.place}, {documentDate(report.issueDate ?? today)}
            </p>
          </div>
        </div>
        <h3 className="report-preview__title">
          BÁO CÁO
          <br />
          {report.subject}
        </h3>
        {withPeriod ? (
          <p className="report-preview__period">({periodText(report.startDate, report.endDate)})</p>
        ) : null}
        <hr className="report-preview__rule" />
        {headedSections(report.sections).map((section) => (
          <section key={section.key} className="report-preview__section" data-section={section.key}>
            {section.partHeading ? <h4>{section.partHeading}</h4> : null}
            {section.heading ? <h5>{section.heading}</h5> : null}
            {paragraphsOf(section.text).map((line, index) => (
              // Lines of one text, in order: their index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: a paragraph has no other key
              <p key={index}>{line}</p>
            ))}
          </section>
        ))}
        <p className="report-preview__appendix">{t('records.appendix')}</p>
        <div className="report-preview__closing">
          <div className="report-preview__recipients">
            <p className="report-preview__recipients-title">Nơi nhận:</p>
            {recipientLines(report.recipients, report.symbol).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <div className="report-preview__signer">
            {[report.signer.authority, report.signer.title]
              .filter((line) => line.trim() !== '')
              .map((line) => (
                <p key={line} className="report-preview__strong">
                  {line.toLocaleUpperCase('vi')}
                </p>
              ))}
            <div className="report-preview__signature" />
            {signed ? <p className="report-preview__strong">{signed}</p> : null}
          </div>
        </div>
      </div>
    </article>
  );
}

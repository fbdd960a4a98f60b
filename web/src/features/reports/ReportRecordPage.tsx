// One report document: its outline beside the section being edited and the figures that
// section came from; the document's details (số, ký hiệu, date, trích yếu, signer,
// recipients); recompute (edited sections are kept), preview, issue, download; an issued
// report is read only, corrected by a new version.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ReportPatch, reportBases } from '../../../../server/contracts/report-records';
import { missingToIssue } from '../../../../server/domain/report-outline';
import {
  deleteReport,
  getReport,
  issueReport,
  type Report,
  type ReportSection,
  recomputeReport,
  reportDocumentHref,
  reviseReport,
  updateReport,
} from '../../api/report-records';
import { exportFormats } from '../../api/reports';
import { canComposeReport } from '../../app/permissions';
import { navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { PageFrame } from '../../components/ActivityParts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DateField, dayText, FormErrors, SelectField, TextAreaField, TextField } from '../../components/form';
import { LoadState } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { useT } from '../../i18n/context';
import { formatInstant, todayIn } from '../../i18n/dates';
import { intoContract, typedDay, typedText } from '../../lib/form-values';
import { periodText, useNumbers } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ReportPreview, StatusBadge } from './ReportRecordParts';
import './report-records.css';

export function ReportRecordPage({ id }: { id: number }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => getReport(id, signal), [id]);
  const loaded = useLoad(['report-records', id], load);
  return (
    <LoadState loaded={loaded} failedTitle={t('records.loadOneFailed')}>
      {(report) => <ReportEditor key={report.id} initial={report} />}
    </LoadState>
  );
}

/** `details` is the document's fields; any other value a section's key. */
type Pane = 'details' | string;

function ReportEditor({ initial }: { initial: Report }) {
  const t = useT();
  const user = useUser();
  // The deployment's zone: the preview's date line, when the report has no date yet.
  const timeZone = useTimeZone();
  const [report, setReport] = useState(initial);
  const [pane, setPane] = useState<Pane>('details');
  const [preview, setPreview] = useState(false);
  // A section with unsaved text: recompute would replace what the editor shows, issue
  // would freeze the report without it; both wait until it is saved.
  const [unsaved, setUnsaved] = useState(false);
  // The version to send with the next write: the details form keeps its own typed values
  // while sections are saved beside it, and must not send a version they moved past.
  const latest = useRef(report);
  const saved = useCallback((next: Report) => {
    latest.current = next;
    setReport(next);
  }, []);
  const editable = report.status === 'draft' && canComposeReport(user, report.agencyId);
  const action = useMutation({
    mutationFn: (run: (current: Report) => Promise<Report | undefined>) => run(latest.current),
    onSuccess: (next) => {
      if (next && next.id !== report.id) navigate(`/report-records/${next.id}`);
      else if (next) saved(next);
      else navigate('/report-records');
    },
  });

  const section = report.sections.find((entry) => entry.key === pane);
  return (
    <PageFrame
      title={report.subject}
      back={{ href: '/report-records', label: t('records.backToList') }}
      actions={<StatusBadge report={report} />}
    >
      <Summary report={report} />
      <Toolbar
        report={report}
        editable={editable}
        mayRevise={report.status === 'issued' && canComposeReport(user, report.agencyId)}
        preview={preview}
        busy={action.isPending || unsaved}
        onPreview={() => setPreview(!preview)}
        onRun={(run) => action.mutate(run)}
      />
      {action.error ? (
        <ErrorAlert title={t('records.actionFailed')} error={action.error} onRetry={() => action.reset()} />
      ) : null}
      {preview ? (
        <ReportPreview report={report} today={todayIn(timeZone)} />
      ) : (
        <div className="record-layout">
          <Outline report={report} pane={pane} onSelect={setPane} />
          <div className="record-layout__main">
            {section ? (
              <SectionEditor
                key={`${section.key}-${report.computedAt}`}
                report={report}
                section={section}
                editable={editable}
                onSaved={saved}
                onDirty={setUnsaved}
                latest={latest}
              />
            ) : (
              <DetailsForm report={report} editable={editable} latest={latest} onSaved={saved} />
            )}
          </div>
        </div>
      )}
    </PageFrame>
  );
}

function Summary({ report }: { report: Report }) {
  const t = useT();
  const timeZone = useTimeZone();
  const { number } = useNumbers();
  return (
    <div className="record-summary">
      <p>
        {t(`records.kind.${report.kind}`)} · {periodText(report.startDate, report.endDate)} ·{' '}
        {report.issuerName}
        {report.number
          ? ` · ${t('records.numberLine', { number: report.number, symbol: report.symbol })}`
          : ''}
      </p>
      <p className="record-summary__figures">
        <span>
          {t('records.activities', {
            done: number(report.figures.done),
            activities: number(report.figures.activities),
          })}
        </span>
        {report.figures.overdue > 0 ? (
          <span className="record-summary__overdue">
            {t('records.overdue', { count: number(report.figures.overdue) })}
          </span>
        ) : null}
        <span className="record-summary__time">
          {t('records.computedAt', { time: formatInstant(report.computedAt, timeZone) })}
        </span>
      </p>
    </div>
  );
}

type Run = (current: Report) => Promise<Report | undefined>;

/** What a person does to the whole report: recompute, preview, issue, download, revise or delete. */
function Toolbar({
  report,
  editable,
  mayRevise,
  preview,
  busy,
  onPreview,
  onRun,
}: {
  report: Report;
  editable: boolean;
  mayRevise: boolean;
  preview: boolean;
  busy: boolean;
  onPreview: () => void;
  onRun: (run: Run) => void;
}) {
  const t = useT();
  const fieldLabels: Record<string, string> = {
    number: t('records.number'),
    subject: t('records.subject'),
    'signer.authority': t('records.signerAuthority'),
    'signer.name': t('records.signerName'),
  };
  // The server's own rule of what issuing needs, worded for the page.
  const missing = missingToIssue(report).map((path) => fieldLabels[path] ?? path);
  const labels = { docx: 'Word', xlsx: 'Excel', csv: 'CSV' } as const;
  return (
    <div className="record-toolbar" role="toolbar" aria-label={t('records.title')}>
      {editable ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          title={t('records.recomputeHint')}
          onClick={() => onRun(recomputeReport)}
        >
          {t('records.recompute')}
        </button>
      ) : null}
      <button type="button" className="button button--secondary" aria-pressed={preview} onClick={onPreview}>
        {preview ? t('records.editView') : t('records.preview')}
      </button>
      {editable ? (
        <button
          type="button"
          className="button"
          disabled={busy || missing.length > 0}
          onClick={() => {
            if (window.confirm(t('records.issueConfirm', { number: `${report.number}/${report.symbol}` })))
              onRun(issueReport);
          }}
        >
          {t('records.issue')}
        </button>
      ) : null}
      {mayRevise && !report.supersededById ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => onRun((current) => reviseReport(current.id))}
        >
          {t('records.revise')}
        </button>
      ) : null}
      <span className="record-toolbar__downloads">
        <span>{t('records.download')}:</span>
        {exportFormats.map((format) => (
          <a
            key={format}
            className="work-page__button"
            href={reportDocumentHref(report, format)}
            download
            data-format={format}
          >
            {labels[format]}
          </a>
        ))}
      </span>
      {editable ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('records.deleteConfirm')))
              onRun(async (current) => {
                await deleteReport(current);
                return undefined;
              });
          }}
        >
          {t('records.delete')}
        </button>
      ) : null}
      {editable && missing.length > 0 ? (
        <p className="record-toolbar__needs">{t('records.issueNeeds', { fields: missing.join(', ') })}</p>
      ) : null}
    </div>
  );
}

function Outline({ report, pane, onSelect }: { report: Report; pane: Pane; onSelect: (pane: Pane) => void }) {
  const t = useT();
  const entry = (key: Pane, label: string, marks: string[]) => (
    <li key={key}>
      <button
        type="button"
        className={
          pane === key ? 'record-outline__item record-outline__item--current' : 'record-outline__item'
        }
        aria-current={pane === key ? 'true' : undefined}
        onClick={() => onSelect(key)}
      >
        <span>{label}</span>
        {marks.map((mark) => (
          <span
            key={mark}
            className={`record-outline__mark record-outline__mark--${mark === t('records.edited') ? 'edited' : 'empty'}`}
          >
            {mark}
          </span>
        ))}
      </button>
    </li>
  );
  return (
    <nav className="record-outline" aria-label={t('records.outline')}>
      <ul>
        {entry('details', t('records.documentFields'), [])}
        {report.sections.map((section) =>
          entry(section.key, section.title, [
            ...(section.edited ? [t('records.edited')] : []),
            ...(section.text.trim() === '' ? [t('records.empty')] : []),
          ]),
        )}
      </ul>
    </nav>
  );
}

function SectionEditor({
  report,
  section,
  editable,
  onSaved,
  onDirty,
  latest,
}: {
  report: Report;
  section: ReportSection;
  editable: boolean;
  onSaved: (report: Report) => void;
  onDirty: (dirty: boolean) => void;
  latest: { current: Report };
}) {
  const t = useT();
  const [text, setText] = useState(section.text);
  const [title, setTitle] = useState(section.title);
  const [done, setDone] = useState(false);
  const saving = useMutation({
    mutationFn: (patch: Parameters<typeof updateReport>[1]) => updateReport(latest.current, patch),
    onSuccess: (next) => {
      onSaved(next);
      const fresh = next.sections.find((entry) => entry.key === section.key);
      if (fresh) {
        setText(fresh.text);
        setTitle(fresh.title);
      }
      setDone(true);
    },
  });
  const facts = report.facts[section.key] ?? [];
  const changed = text !== section.text || title !== section.title;
  useEffect(() => {
    onDirty(changed);
    return () => onDirty(false);
  }, [changed, onDirty]);
  return (
    <div className="record-section">
      <form
        className="record-section__editor"
        onSubmit={(event) => {
          event.preventDefault();
          saving.mutate({ sections: [{ key: section.key, text, title }] });
        }}
      >
        <TextField
          label={t('records.sectionTitle')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            setDone(false);
          }}
          disabled={!editable}
        />
        <TextAreaField
          label={t('records.sectionText')}
          value={text}
          onChange={(value) => {
            setText(value);
            setDone(false);
          }}
          rows={14}
          disabled={!editable}
          hint={section.edited ? t('records.editedNote') : undefined}
        />
        {saving.error ? <ErrorAlert title={t('records.actionFailed')} error={saving.error} /> : null}
        {editable ? (
          <div className="form__actions">
            <button type="submit" className="button" disabled={saving.isPending || !changed}>
              {t('records.saveSection')}
            </button>
            {section.edited ? (
              <button
                type="button"
                className="button button--secondary"
                title={t('records.restoreHint')}
                disabled={saving.isPending}
                onClick={() => saving.mutate({ sections: [{ key: section.key, edited: false }] })}
              >
                {t('records.restoreSection')}
              </button>
            ) : null}
            {changed ? <span className="record-section__unsaved">{t('records.unsaved')}</span> : null}
            {done && !changed ? <span role="status">{t('records.saved')}</span> : null}
          </div>
        ) : null}
      </form>
      <aside className="record-section__facts" aria-label={t('records.facts')}>
        <h3>{t('records.facts')}</h3>
        {facts.length ? (
          <ul>
            {facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        ) : (
          <p>{t('records.noFacts')}</p>
        )}
      </aside>
    </div>
  );
}

const detailFields = [
  'number',
  'symbol',
  'place',
  'issueDate',
  'subject',
  'parentLine',
  'basis',
  'signer.authority',
  'signer.title',
  'signer.rank',
  'signer.name',
  'recipients',
] as const;

/** The document's details as typed: text, a date as people write it, recipients one a line. */
const DetailValues = intoContract(
  z.object({
    number: typedText,
    symbol: typedText,
    place: typedText,
    issueDate: typedDay,
    subject: typedText,
    parentLine: typedText,
    basis: z.string().pipe(z.enum(reportBases)),
    signer: z.object({ authority: typedText, title: typedText, rank: typedText, name: typedText }),
    recipients: z.string().transform((text) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  }),
  ReportPatch,
);

function DetailsForm({
  report,
  editable,
  latest,
  onSaved,
}: {
  report: Report;
  editable: boolean;
  latest: { current: Report };
  onSaved: (report: Report) => void;
}) {
  const t = useT();
  const [done, setDone] = useState(false);
  const editor = useRecordForm({
    schema: DetailValues,
    defaultValues: {
      number: report.number,
      symbol: report.symbol,
      place: report.place,
      issueDate: dayText(report.issueDate),
      subject: report.subject,
      parentLine: report.parentLine,
      basis: report.basis,
      signer: { ...report.signer },
      recipients: report.recipients.join('\n'),
    },
    fields: detailFields,
    save: (values) => updateReport(latest.current, values),
    onSaved: (next) => {
      onSaved(next);
      setDone(true);
    },
  });
  const { bind } = editor;
  const disabled = !editable;
  return (
    <form
      ref={editor.form}
      className="form record-details"
      onSubmit={editor.submit}
      noValidate
      onChange={() => setDone(false)}
    >
      <FormErrors messages={editor.general} />
      <div className="form__grid">
        <TextField
          label={t('records.number')}
          hint={t('records.numberHint')}
          {...bind('number')}
          disabled={disabled}
        />
        <TextField label={t('records.symbol')} {...bind('symbol')} disabled={disabled} />
        <TextField label={t('records.place')} {...bind('place')} disabled={disabled} />
        <DateField label={t('records.issueDate')} hint={t('records.issueDateHint')} {...bind('issueDate')} />
      </div>
      <TextAreaField label={t('records.subject')} rows={2} {...bind('subject')} disabled={disabled} />
      <div className="form__grid">
        <TextField label={t('records.parentLine')} {...bind('parentLine')} disabled={disabled} />
        <SelectField label={t('records.basis')} {...bind('basis')} disabled={disabled}>
          {reportBases.map((basis) => (
            <option key={basis} value={basis}>
              {t(`records.basis.${basis}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('records.signerAuthority')}
          hint={t('records.signerAuthorityHint')}
          {...bind('signer.authority')}
          disabled={disabled}
        />
        <TextField label={t('records.signerTitle')} {...bind('signer.title')} disabled={disabled} />
        <TextField label={t('records.signerRank')} {...bind('signer.rank')} disabled={disabled} />
        <TextField label={t('records.signerName')} {...bind('signer.name')} disabled={disabled} />
      </div>
      <TextAreaField
        label={t('records.recipients')}
        hint={t('records.recipientsHint')}
        rows={5}
        {...bind('recipients')}
        disabled={disabled}
      />
      {editable ? (
        <div className="form__actions">
          <button type="submit" className="button" disabled={editor.busy}>
            {t('records.saveFields')}
          </button>
          {done ? <span role="status">{t('records.saved')}</span> : null}
        </div>
      ) : null}
    </form>
  );
}

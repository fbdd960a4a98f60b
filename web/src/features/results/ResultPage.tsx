// The result of a held activity, made for a phone in a commune hall: one big numeric field a
// figure, notes, links, photos from the camera. What is typed is kept on this device at every
// keystroke until the server has it, so that a dropped connection or a reload loses nothing.
// The server's refusals are said at the fields they name; unusual figures ask for a
// confirmation; a locked period, a missing right or a cancelled activity say so plainly.
// Coordinators review (accept, or return with a note) on the same page.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { type Activity, getActivity } from '../../api/activities';
import { listAgencies } from '../../api/agencies';
import { type Attachment, deleteAttachment, listAttachments } from '../../api/attachments';
import { getCatalog } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { getResult, type Result, type ResultBody, saveResult } from '../../api/results';
import { listUnits } from '../../api/units';
import { canReviewResults, canWriteResult } from '../../app/permissions';
import { Link } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { PageFrame } from '../../components/ActivityParts';
import { DateField, FormErrors, TextAreaField, TextField, useFocusOnInvalid } from '../../components/form';
import { LoadState } from '../../components/records';
import { contractResolver, errorMessages, useFocusAfterPageRefusal } from '../../components/useRecordForm';
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { startDayOf, unitText, useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { ActivitySummary } from './ActivitySummary';
import { AttachmentsSection, type PendingFile } from './Attachments';
import type { ResultDraft } from './draft';
import { isFieldRefusal, messagesByPath, type PathMessages } from './errors';
import { type FigureField, figureFields } from './figures';
import { LinksEditor, linkMessagesByRow, linksToSend } from './LinksEditor';
import { RefusalBox } from './RefusalBox';
import { ResultFigures } from './ResultFigures';
import { ReviewPanel, ReviewStatus } from './ReviewPanel';
import { resultSchema } from './resultValues';
import { useResultDraft } from './useResultDraft';
import { type PendingList, useUploadQueue } from './useUploadQueue';
import './results.css';

async function loadResultPage(activityId: number, signal: AbortSignal) {
  const [activity, result, catalog, attachments, agencies, units] = await Promise.all([
    getActivity(activityId, signal),
    getResult(activityId, signal),
    getCatalog(signal),
    listAttachments(activityId, signal),
    listAgencies({ signal }),
    listUnits({ signal }),
  ]);
  return { activity, result, catalog, attachments, agencies, units };
}
type ResultPageData = Awaited<ReturnType<typeof loadResultPage>>;

export function ResultPage({ activityId }: { activityId: number }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => loadResultPage(activityId, signal), [activityId]);
  const loaded = useLoad(['results', activityId], load);
  // Photos chosen but not sent yet live here, above the key below: "load again" starts the
  // form afresh from the newer result, and must not lose them (a browser cannot keep a file).
  const [pending, setPending] = useState<PendingFile[]>([]);
  return (
    <PageFrame title={t('results.title')} back={{ href: '/my-work', label: t('results.backToMyWork') }}>
      <LoadState loaded={loaded} failedTitle={t('results.loadFailed')}>
        {(data) => (
          // A newer result from the server (after "load again") starts the form afresh; a
          // draft kept on this device for an older version is offered, not restored over it.
          <ResultScreen
            key={data.result?.version ?? 0}
            data={data}
            reload={loaded.reload}
            pending={pending}
            setPending={setPending}
          />
        )}
      </LoadState>
    </PageFrame>
  );
}

/** Whether the activity can take a result now, and if not, why. */
function openness(activity: Activity, timeZone: string): 'open' | 'cancelled' | 'notStarted' {
  if (activity.status === 'cancelled') return 'cancelled';
  if (startDayOf(activity, timeZone) > todayIn(timeZone)) return 'notStarted';
  return 'open';
}

function ResultScreen({
  data,
  reload,
  pending,
  setPending,
}: { data: ResultPageData; reload: () => void } & PendingList) {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const { catalog } = data;
  // Saving a result marks the activity done (the server's rule): shown so without asking again.
  const [activity, setActivity] = useState<Activity>(data.activity);
  const fields = useMemo(() => figureFields(catalog, activity.typeCode), [catalog, activity.typeCode]);
  const writable = canWriteResult(user, activity) && openness(activity, timeZone) === 'open';
  const [result, setResult] = useState<Result | null>(data.result);
  const [attachments, setAttachments] = useState<Attachment[]>(data.attachments);
  const [notice, setNotice] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).has('new') ? t('results.heldCreated') : null,
  );
  // Said once: a reload of the page later must not announce the activity as new again.
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  const onReviewed = (reviewed: Result, decision: 'accept' | 'return') => {
    setResult(reviewed);
    setNotice(decision === 'accept' ? t('results.accepted') : t('results.returnedDone'));
  };

  return (
    <div className="result-page">
      <ActivitySummary activity={activity} catalog={catalog} agencies={data.agencies} units={data.units} />
      <p className="notice notice--success" role="status">
        {notice}
      </p>
      {result ? <ReviewStatus result={result} /> : <p className="muted">{t('results.none')}</p>}
      {result && canReviewResults(user.role) ? (
        <ReviewPanel activityId={activity.id} result={result} onReviewed={onReviewed} />
      ) : null}
      <Closed activity={activity} />
      {writable ? (
        <ResultForm
          activity={activity}
          fields={fields}
          result={result}
          attachments={attachments}
          setAttachments={setAttachments}
          onSaved={(saved) => {
            setResult(saved);
            setActivity((current) => ({ ...current, status: 'done', overdue: false }));
            setNotice(t('results.saved'));
          }}
          reload={reload}
          pending={pending}
          setPending={setPending}
        />
      ) : (
        <>
          {result ? <ResultFacts fields={fields} result={result} /> : null}
          {!canWriteResult(user, activity) ? (
            <p className="work-page__note">{t('results.readOnly')}</p>
          ) : null}
          <AttachmentsSection attachments={attachments} />
        </>
      )}
    </div>
  );
}

/** Why no result can be logged now, for an activity cancelled or still to come. */
function Closed({ activity }: { activity: Activity }) {
  const t = useT();
  const timeZone = useTimeZone();
  const state = openness(activity, timeZone);
  if (state === 'open') return null;
  return (
    <p className="notice result-closed">
      {state === 'cancelled' ? t('results.cancelled') : t('results.notStarted')}
    </p>
  );
}

/** A saved result read-only: each figure with its unit, the notes and the links. */
function ResultFacts({ fields, result }: { fields: readonly FigureField[]; result: Result }) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  return (
    <section className="work-page__panel" aria-labelledby="result-facts-title">
      <h3 id="result-facts-title">{t('results.figures')}</h3>
      <dl className="result-facts">
        {fields.map(({ indicator, depth }) => {
          const value = result.values[indicator.code];
          const unit = unitText(indicator, t);
          return (
            <div key={indicator.code} className={depth === 1 ? 'result-facts__breakdown' : undefined}>
              <dt>{entryName(indicator, language)}</dt>
              <dd>{value === undefined ? '—' : `${number(value)}${unit ? ` ${unit}` : ''}`}</dd>
            </div>
          );
        })}
      </dl>
      {result.notes ? <p className="result-facts__notes">{result.notes}</p> : null}
      {result.links.length > 0 ? (
        <ul className="plain-list">
          {result.links.map((link) => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer" target="_blank">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Fields of the form that the server's messages may name, besides the figures and links. */
const namedFields = new Set(['notes', 'actualStart', 'actualEnd', 'links']);

function ResultForm({
  activity,
  fields,
  result,
  attachments,
  setAttachments,
  onSaved,
  reload,
  pending,
  setPending,
}: PendingList & {
  activity: Activity;
  fields: readonly FigureField[];
  result: Result | null;
  attachments: readonly Attachment[];
  setAttachments: (update: (list: Attachment[]) => Attachment[]) => void;
  onSaved: (result: Result) => void;
  reload: () => void;
}) {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const codes = useMemo(() => fields.map((field) => field.indicator.code), [fields]);

  const { draft, dirty, restored, stale, storageFailed, change, saved, restoreStale, dropStale, discard } =
    useResultDraft(user.id, activity.id, result, timeZone);

  const removing = useMutation({ mutationFn: (attachment: Attachment) => deleteAttachment(attachment.id) });
  const uploads = useUploadQueue({
    activityId: activity.id,
    pending,
    setPending,
    onSent: (attachment) => setAttachments((list) => [...list, attachment]),
  });
  const saving = useMutation({
    mutationFn: (body: ResultBody) => saveResult(activity.id, body, result?.version ?? null),
    onSuccess: (answer) => {
      saved(answer);
      onSaved(answer);
      void uploads.send();
    },
  });
  const busy = saving.isPending;
  const failure = saving.error;
  const [linkRows, setLinkRows] = useState<number[]>([]);
  const { form, refused } = useFocusOnInvalid();
  const refusalBox = useRef<HTMLDivElement>(null);

  // The draft is the form's state (kept on the device at every keystroke): react-hook-form
  // checks it with the contract's schema when it is sent, and holds what the page refused.
  const schema = useMemo(() => resultSchema(codes, timeZone, t), [codes, timeZone, t]);
  const resolver = useMemo(() => contractResolver(schema, t), [schema, t]);
  const checker = useForm({
    resolver,
    values: draft,
    resetOptions: { keepErrors: true, keepSubmitCount: true },
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  useFocusAfterPageRefusal(checker.formState, refused);
  const ownErrors = linkMessagesByRow(errorMessages(checker.formState.errors), linksToSend(draft.links).rows);

  // A refusal that no field shows takes the focus, so that it is read out and seen on a phone.
  useEffect(() => {
    if (failure && !isFieldRefusal(failure)) refusalBox.current?.focus();
    else if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION')
      refusalBox.current?.focus();
  }, [failure]);

  const changeFigure = (code: string, text: string) => {
    change({ figures: { ...draft.figures, [code]: text } });
    // The page's errors are named by the body's paths (values.x), not by the draft's.
    checker.clearErrors(`values.${code}` as Path<ResultDraft>);
    // A confirmation is for the figures it named: a changed figure is checked again.
    if (failure instanceof ApiError && failure.code === 'NEEDS_CONFIRMATION') saving.reset();
  };

  // The server's messages at the fields they name.
  const fieldOf = (path: string) =>
    (path.startsWith('values.') && codes.includes(path.slice('values.'.length))) ||
    /^links\.\d+$/.test(path) ||
    namedFields.has(path)
      ? path
      : null;
  const fieldRefusal = isFieldRefusal(failure) ? failure : null;
  const split = fieldRefusal ? messagesByPath(fieldRefusal, fieldOf, t) : { byPath: {}, other: [] };
  const serverMessages = linkMessagesByRow(split.byPath, linkRows);
  const errors: PathMessages =
    fieldRefusal?.code === 'VALIDATION_FAILED' ? { ...serverMessages, ...ownErrors } : ownErrors;
  const warnings: PathMessages = fieldRefusal?.code === 'NEEDS_CONFIRMATION' ? serverMessages : {};
  const otherRefusal = failure && !fieldRefusal ? failure : null;

  /** Checks the draft, then sends it (`confirm`: the unusual figures are right), then its files. */
  const send = (confirm: boolean) => {
    saving.reset();
    setLinkRows(linksToSend(draft.links).rows);
    void checker.handleSubmit((body) =>
      saving.mutateAsync(confirm ? { ...body, confirm: true } : body).catch((error: unknown) => {
        if (isFieldRefusal(error) && error.code === 'VALIDATION_FAILED') refused();
      }),
    )();
  };

  const discardDraft = () => {
    discard();
    saving.reset();
    checker.clearErrors();
  };

  const confirmation = fieldRefusal?.code === 'NEEDS_CONFIRMATION' ? fieldRefusal : null;

  return (
    <form
      ref={form}
      className="form result-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send(false);
      }}
    >
      {result?.reviewStatus === 'accepted' ? (
        <p className="work-page__note">{t('results.correctingAccepted')}</p>
      ) : null}
      {stale ? (
        <div className="result-draft" role="status">
          <p className="result-draft__restored">{t('results.staleDraft')}</p>
          <button type="button" className="button button--small" onClick={restoreStale}>
            {t('results.restoreDraft')}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={dropStale}>
            {t('results.dropStaleDraft')}
          </button>
        </div>
      ) : null}
      {dirty ? (
        <div className="result-draft" role="status">
          {restored ? <p className="result-draft__restored">{t('results.draftRestored')}</p> : null}
          <p className="result-draft__kept">
            {storageFailed ? t('results.draftNotKept') : t('results.draftKept')}
          </p>
          <button type="button" className="button button--small button--secondary" onClick={discardDraft}>
            {result ? t('results.discardDraftToSaved') : t('results.discardDraft')}
          </button>
        </div>
      ) : null}

      {/* Disabled while sending: a figure changed then would look sent and not be. */}
      <fieldset className="result-form__fields" disabled={busy}>
        <ResultFigures
          legend={t('results.figures')}
          fields={fields}
          texts={draft.figures}
          onChange={changeFigure}
          errors={errors}
          warnings={warnings}
          expected={activity.expected}
        />

        <TextAreaField
          label={t('results.notes')}
          hint={t('results.notesHint')}
          value={draft.notes}
          onChange={(notes) => change({ notes })}
          error={errors.notes}
          rows={3}
          maxLength={10000}
        />

        <LinksEditor
          label={t('results.links')}
          hint={t('results.linksHint')}
          links={draft.links}
          onChange={(links) => change({ links })}
          errors={errors}
        />

        <details
          className="fieldset result-times"
          open={Boolean(draft.actualStartDay || draft.actualEndDay || errors.actualStart || errors.actualEnd)}
        >
          <summary className="field__label">{t('results.actualTimes')}</summary>
          <p className="field__hint">{t('results.actualTimesHint')}</p>
          <div className="result-times__grid">
            <DateField
              label={t('results.actualStartDay')}
              value={draft.actualStartDay}
              onChange={(actualStartDay) => change({ actualStartDay })}
              error={errors.actualStartDay ?? errors.actualStart}
            />
            <TextField
              label={t('results.actualStartTime')}
              hint={t('results.timeHint')}
              value={draft.actualStartTime}
              onChange={(actualStartTime) => change({ actualStartTime })}
              error={errors.actualStartTime}
              inputMode="numeric"
              autoComplete="off"
            />
            <DateField
              label={t('results.actualEndDay')}
              value={draft.actualEndDay}
              onChange={(actualEndDay) => change({ actualEndDay })}
              error={errors.actualEndDay ?? errors.actualEnd}
            />
            <TextField
              label={t('results.actualEndTime')}
              hint={t('results.timeHint')}
              value={draft.actualEndTime}
              onChange={(actualEndTime) => change({ actualEndTime })}
              error={errors.actualEndTime}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
        </details>
      </fieldset>

      <AttachmentsSection
        attachments={attachments}
        editing={{
          pending,
          canSendNow: result !== null,
          sending: uploads.sending || busy,
          progress: uploads.progress,
          onPick: uploads.pick,
          onRetry: uploads.retry,
          onDiscard: uploads.discard,
          onSendNow: () => void uploads.send(),
          onDelete: async (attachment) => {
            await removing.mutateAsync(attachment);
            setAttachments((list) => list.filter((entry) => entry.id !== attachment.id));
          },
        }}
      />

      <FormErrors messages={split.other} />
      <RefusalBox
        confirmation={confirmation}
        refusal={otherRefusal}
        busy={busy}
        onConfirm={() => send(true)}
        boxRef={refusalBox}
      >
        {dirty ? <p>{t('results.keptAfterRefusal')}</p> : null}
        {otherRefusal instanceof ApiError && otherRefusal.code === 'VERSION_CONFLICT' ? (
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('results.loadLatest')}
          </button>
        ) : null}
      </RefusalBox>

      <div className="form-actions result-form__actions">
        <button type="submit" className="button result-form__send" disabled={busy || uploads.sending}>
          {busy ? t('results.sending') : result ? t('results.resend') : t('results.send')}
        </button>
        <Link href="/my-work" className="button button--secondary result-form__later">
          {t('results.later')}
        </Link>
      </div>
    </form>
  );
}

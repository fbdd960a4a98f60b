// Where a result stands (sent, accepted, returned with the reviewer's note), and for
// coordinators the review itself: accept, or return with a note saying what to fix.
import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { z } from 'zod';
import { ReviewInput } from '../../../../server/contracts/results';
import { type Result, reviewResult } from '../../api/results';
import { useTimeZone } from '../../app/timeZone';
import { describeError } from '../../components/ErrorAlert';
import { FormErrors, TextAreaField } from '../../components/form';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { intoContract, typedText } from '../../lib/form-values';

/** The result's review status in words, and the returned note where nobody can miss it. */
export function ReviewStatus({ result }: { result: Result }) {
  const t = useT();
  const timeZone = useTimeZone();
  if (result.reviewStatus === 'returned') {
    return (
      <div className="result-returned" role="note" aria-labelledby="result-returned-title">
        <p id="result-returned-title" className="result-returned__title">
          {t('results.returnedTitle')}
        </p>
        <blockquote className="result-returned__note">{result.reviewNote}</blockquote>
        <p className="result-returned__hint">
          {result.reviewedAt
            ? t('results.returnedAt', { at: formatInstant(result.reviewedAt, timeZone) })
            : null}{' '}
          {t('results.returnedHint')}
        </p>
      </div>
    );
  }
  const accepted = result.reviewStatus === 'accepted';
  return (
    <p className="result-status" data-review-status={result.reviewStatus}>
      <span className={accepted ? 'badge badge--on' : 'badge result-status__badge--submitted'}>
        {t(`results.status.${result.reviewStatus}`)}
      </span>{' '}
      <span className="muted">
        {accepted && result.reviewedAt
          ? t('results.acceptedAt', { at: formatInstant(result.reviewedAt, timeZone) })
          : t('results.submittedAt', { at: formatInstant(result.submittedAt, timeZone) })}
      </span>
    </p>
  );
}

/** Accept or return; `onReviewed` gets the result as the server now has it. */
export function ReviewPanel({
  activityId,
  result,
  onReviewed,
}: {
  activityId: number;
  result: Result;
  onReviewed: (result: Result, decision: 'accept' | 'return') => void;
}) {
  const t = useT();
  const id = useId();
  const [returning, setReturning] = useState(false);
  // The note typed before a cancel is there again when the return is asked once more.
  const [draft, setDraft] = useState('');
  const accept = useMutation({
    mutationFn: () => reviewResult(activityId, { decision: 'accept' }, result.version),
    onSuccess: (reviewed) => onReviewed(reviewed, 'accept'),
  });

  if (result.reviewStatus === 'returned') return null;

  return (
    <section className="work-page__panel result-review" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('results.review')}</h3>
      <p className="work-page__note">
        {result.reviewStatus === 'submitted' ? t('results.reviewHint') : t('results.reviewAcceptedHint')}
      </p>
      {returning ? (
        <ReturnForm
          activityId={activityId}
          result={result}
          draft={draft}
          onCancel={(note) => {
            setDraft(note);
            setReturning(false);
          }}
          onReturned={(reviewed) => {
            setDraft('');
            setReturning(false);
            onReviewed(reviewed, 'return');
          }}
        />
      ) : (
        <>
          <FormErrors messages={accept.error ? [describeError(accept.error, t)] : []} />
          <div className="form-actions">
            {result.reviewStatus === 'submitted' ? (
              <button
                type="button"
                className="button"
                disabled={accept.isPending}
                onClick={() => accept.mutate()}
              >
                {t('results.accept')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                accept.reset();
                setReturning(true);
              }}
            >
              {t('results.return')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The note, needed for a return and said so in the page's words (hence made of `t`), then the
 * contract's check.
 */
function returnValues(t: Translate) {
  return intoContract(
    z
      .object({ note: typedText.refine((note) => note !== '', t('results.returnNoteNeeded')) })
      .transform(({ note }) => ({ decision: 'return' as const, note })),
    ReviewInput,
  );
}

/** Returning the result, with the note saying what to fix. */
function ReturnForm({
  activityId,
  result,
  draft,
  onCancel,
  onReturned,
}: {
  activityId: number;
  result: Result;
  draft: string;
  onCancel: (note: string) => void;
  onReturned: (result: Result) => void;
}) {
  const t = useT();
  const schema = useMemo(() => returnValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: { note: draft },
    fields: ['note'],
    save: (review) => reviewResult(activityId, review, result.version),
    onSaved: onReturned,
  });
  return (
    <form ref={editor.form} onSubmit={editor.submit} noValidate>
      <FormErrors messages={editor.general} />
      <TextAreaField
        label={t('results.returnNote')}
        hint={t('results.returnNoteHint')}
        {...editor.bind('note')}
        required
        rows={3}
        maxLength={2000}
      />
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={editor.busy}>
          {t('results.returnSubmit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onCancel(editor.values.note)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

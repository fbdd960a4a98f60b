// Where a result stands (sent, accepted, returned with the reviewer's note), and for
// coordinators the review itself: accept, or return with a note saying what to fix.
import { useId, useState } from 'react';
import { type Result, reviewResult } from '../../api/results';
import { useTimeZone } from '../../app/timeZone';
import { FormErrors, splitErrors, TextAreaField } from '../../components/form';
import { useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';

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
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { byField, general } = splitErrors(error, ['note'], t);

  if (result.reviewStatus === 'returned') return null;

  const review = async (decision: 'accept' | 'return') => {
    if (decision === 'return' && note.trim() === '') {
      setNoteError(t('results.returnNoteNeeded'));
      return;
    }
    setNoteError(undefined);
    setError(null);
    setBusy(true);
    try {
      const body = decision === 'return' ? { decision, note: note.trim() } : { decision };
      const reviewed = await reviewResult(activityId, body, result.version);
      setReturning(false);
      setNote('');
      onReviewed(reviewed, decision);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="work-page__panel result-review" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('results.review')}</h3>
      <p className="work-page__note">
        {result.reviewStatus === 'submitted' ? t('results.reviewHint') : t('results.reviewAcceptedHint')}
      </p>
      <FormErrors messages={general} />
      {returning ? (
        <>
          <TextAreaField
            label={t('results.returnNote')}
            hint={t('results.returnNoteHint')}
            value={note}
            onChange={setNote}
            error={noteError ?? byField.note}
            required
            rows={3}
            maxLength={2000}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => review('return')}
            >
              {t('results.returnSubmit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setReturning(false);
                setNoteError(undefined);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="form-actions">
          {result.reviewStatus === 'submitted' ? (
            <button type="button" className="button" disabled={busy} onClick={() => review('accept')}>
              {t('results.accept')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => setReturning(true)}>
            {t('results.return')}
          </button>
        </div>
      )}
    </section>
  );
}

// What a refused result says above the send button, in both result forms (a planned
// activity's result and a one-step unplanned event): figures to confirm, with the button
// that confirms them, or a refusal no field shows (a locked period, a missing right, a
// newer version), with what the person can do next.
import type { ReactNode, Ref } from 'react';
import type { ApiError } from '../../api/client';
import { useT } from '../../i18n/context';
import { refusalText, refusalTitle } from './errors';

export function RefusalBox({
  confirmation,
  refusal,
  busy,
  onConfirm,
  boxRef,
  children,
}: {
  /** A 422 NEEDS_CONFIRMATION: figures far above the plan or the usual. */
  confirmation: ApiError | null;
  /** Any other refusal that no field of the form shows. */
  refusal: unknown;
  busy: boolean;
  /** Sends again, confirming the unusual figures. */
  onConfirm: () => void;
  /** Takes the focus after a refusal, so that a screen reader reads it at once. */
  boxRef?: Ref<HTMLDivElement>;
  /** What the form adds under a refusal (its draft kept, a way to load the latest version). */
  children?: ReactNode;
}) {
  const t = useT();
  if (confirmation) {
    return (
      <div className="result-confirm" role="alert" ref={boxRef} tabIndex={-1}>
        <p className="result-confirm__title">{t('results.confirmTitle')}</p>
        <p>{t.refusal(confirmation)}</p>
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={onConfirm}>
            {t('results.confirm')}
          </button>
        </div>
      </div>
    );
  }
  if (!refusal) return null;
  return (
    <div className="error-box result-refusal" role="alert" ref={boxRef} tabIndex={-1}>
      <p className="result-refusal__title">{refusalTitle(refusal, t)}</p>
      <p>{refusalText(refusal, t)}</p>
      {children}
    </div>
  );
}

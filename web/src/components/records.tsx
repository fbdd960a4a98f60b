import { type ReactNode, useId, useState } from 'react';
import type { Agency } from '../api/agencies';
import { type Language, type Translate, useT } from '../i18n/context';
import { formatIsoDay } from '../i18n/dates';
import { agencyName, byName, validOn } from '../lib/names';
import type { Loaded } from '../lib/useLoad';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { FormErrors, splitErrors } from './form';
import { Loading } from './Loading';

/** One Admin screen: its heading, the buttons that act on the whole list, and its content. */
export function AdminPage({
  title,
  actions,
  notice,
  children,
}: {
  title: string;
  actions?: ReactNode;
  /** What the last action did, said politely to a screen reader. */
  notice?: string | null;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="page" aria-labelledby={id}>
      <div className="page__head">
        <h2 id={id} className="page__title">
          {title}
        </h2>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {/* Always present, empty when there is nothing to say: a live region must exist before it speaks. */}
      <p className="notice notice--success" role="status">
        {notice}
      </p>
      {children}
    </section>
  );
}

/**
 * What a screen shows of data it loads: why it failed (with a retry), a spinner until the first
 * answer, then `children` with the data, kept on screen while it is asked again.
 */
export function LoadState<T>({
  loaded,
  failedTitle,
  children,
}: {
  loaded: Loaded<T>;
  failedTitle: string;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading, reload } = loaded;
  return (
    <>
      {error ? <ErrorAlert title={failedTitle} error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? children(data) : null}
    </>
  );
}

/** `1/1/2025 – 30/6/2025`, `từ 1/7/2025`, `đến 31/12/2024`, or `—` for always. */
export function ValidityText({ validFrom, validTo }: { validFrom: string | null; validTo: string | null }) {
  const t = useT();
  if (validFrom && validTo) return <>{`${formatIsoDay(validFrom)} – ${formatIsoDay(validTo)}`}</>;
  if (validFrom) return <>{t('validity.from', { date: formatIsoDay(validFrom) })}</>;
  if (validTo) return <>{t('validity.to', { date: formatIsoDay(validTo) })}</>;
  return <span className="muted">{t('validity.always')}</span>;
}

/** A question before a change that is easy to regret (disabling an account); the answer is red. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { general } = splitErrors(error, [], t);
  return (
    <Dialog title={title} onClose={onClose}>
      <FormErrors messages={general} />
      <p>{message}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } catch (failure) {
              setError(failure);
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The options of an agency select, grouped by kind: those in force today, and `current`
 * (the one a record already has) even if it is no longer.
 */
export function agencyOptions(
  agencies: Agency[],
  today: string,
  current: number | null,
  language: Language,
  t: Translate,
) {
  const offered = agencies.filter((agency) => agency.id === current || validOn(agency, today)).sort(byName);
  const kinds = [...new Set(offered.map((agency) => agency.kind))];
  return kinds.map((kind) => (
    <optgroup key={kind} label={t(`agencyKind.${kind}`)}>
      {offered
        .filter((agency) => agency.kind === kind)
        .map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agencyName(agency, language)}
          </option>
        ))}
    </optgroup>
  ));
}

import { ApiError } from '../api/client';
import { type Translate, useT } from '../i18n/context';

/** What a user can act on, in their language; the server's own message when it speaks to them. */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.server');
  switch (error.code) {
    case 'NETWORK':
      return t('error.network');
    case 'INVALID_RESPONSE':
      return t('error.invalidResponse');
    case 'INTERNAL':
      return t('error.server');
    default:
      return t.refusal(error);
  }
}

export function ErrorAlert({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const t = useT();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="error-box error-alert" role="alert">
      <p className="error-alert__title">{title}</p>
      <p className="error-alert__message">{describeError(error, t)}</p>
      {requestId ? <p className="error-alert__request">{t('error.requestId', { requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('calendar.retry')}
        </button>
      ) : null}
    </div>
  );
}

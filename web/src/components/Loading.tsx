import { useT } from '../i18n/context';

/** A spinner and "Loading…", said politely to a screen reader. */
export function Loading() {
  const t = useT();
  return (
    <p className="app-main__loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

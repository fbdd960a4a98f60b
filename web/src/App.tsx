import { useEffect, useState } from 'react';
import { getHealth } from './api/health';
import { CalendarPage } from './features/calendar/CalendarPage';
import { type Language, languages, useLanguage, useT } from './i18n/context';

/** The zone the server is deployed in by default (DESIGN §3), used if /api/health cannot say. */
const defaultTimeZone = 'Asia/Ho_Chi_Minh';

/**
 * The deployment's time zone, or null while asking. A failed health check falls back to
 * the default zone: the calendar then shows its own error when it cannot load activities.
 */
function useDeploymentTimeZone(): string | null {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getHealth(controller.signal).then(
      (health) => setTimeZone(health.timeZone),
      () => {
        if (!controller.signal.aborted) setTimeZone(defaultTimeZone);
      },
    );
    return () => controller.abort();
  }, []);
  return timeZone;
}

export function App() {
  const t = useT();
  const timeZone = useDeploymentTimeZone();
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__titles">
            <h1 className="app-header__title">{t('app.title')}</h1>
            {t('app.titleTranslation') ? (
              <p className="app-header__subtitle">{t('app.titleTranslation')}</p>
            ) : null}
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main className="app-main">
        {timeZone ? (
          <CalendarPage timeZone={timeZone} />
        ) : (
          <p className="app-main__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('calendar.loading')}
          </p>
        )}
      </main>
    </div>
  );
}

const languageCodes: Record<Language, string> = { vi: 'VI', en: 'EN' };

function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          className="language-switch__button"
          aria-pressed={language === code}
          lang={code}
          title={t(`language.${code}`)}
          onClick={() => setLanguage(code)}
        >
          {languageCodes[code]}
          <span className="visually-hidden"> – {t(`language.${code}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}

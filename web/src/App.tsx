import type { ReactNode } from 'react';
import type { Role } from './api/auth';
import { can } from './app/permissions';
import { Link, navigate, usePath } from './app/router';
import { useSession } from './app/session';
import { TimeZoneContext, useDeploymentTimeZone } from './app/timeZone';
import { ErrorAlert } from './components/ErrorAlert';
import { AdminSection } from './features/admin/AdminSection';
import { CalendarPage } from './features/calendar/CalendarPage';
import { SignInPage } from './features/signin/SignInPage';
import { type Language, languages, useLanguage, useT } from './i18n/context';

export function App() {
  const t = useT();
  const timeZone = useDeploymentTimeZone();
  const { state, retry } = useSession();

  let content: ReactNode;
  if (state.status === 'loading' || timeZone === null) {
    content = (
      <p className="app-main__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('app.loading')}
      </p>
    );
  } else if (state.status === 'failed') {
    content = <ErrorAlert title={t('app.sessionFailed')} error={state.error} onRetry={retry} />;
  } else if (state.status === 'signed-out') {
    content = <SignInPage expired={state.expired} />;
  } else {
    content = (
      <TimeZoneContext value={timeZone}>
        <Screen role={state.user.role} timeZone={timeZone} />
      </TimeZoneContext>
    );
  }

  return (
    <div className="app">
      <Header />
      <main className="app-main">{content}</main>
    </div>
  );
}

/** The screen for the address, among those the role may use. */
function Screen({ role, timeZone }: { role: Role; timeZone: string }) {
  const path = usePath();
  if (path === '/') return <CalendarPage timeZone={timeZone} />;
  if (path === '/admin' || path.startsWith('/admin/')) return <AdminSection path={path} role={role} />;
  return <NotFound />;
}

function NotFound() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h2 id="not-found-title" className="page__title">
        {t('app.notFound')}
      </h2>
      <p>
        <Link href="/">{t('app.backToCalendar')}</Link>
      </p>
    </section>
  );
}

function Header() {
  const t = useT();
  const path = usePath();
  const { state, signOut } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;

  const doSignOut = async () => {
    await signOut();
    // The next person to sign in here starts from the calendar, not from this user's screen.
    navigate('/', { replace: true });
  };

  return (
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
      {user ? (
        <div className="app-bar">
          <div className="app-bar__inner">
            <nav className="main-nav" aria-label={t('nav.label')}>
              <ul>
                <li>
                  <Link href="/" className="main-nav__link">
                    {t('nav.calendar')}
                  </Link>
                </li>
                {can.openAdmin(user.role) ? (
                  <li>
                    <Link href="/admin/users" className="main-nav__link" current={path.startsWith('/admin')}>
                      {t('nav.admin')}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className="user-box">
              <p className="user-box__who">
                <span className="visually-hidden">{t('user.signedInAs')} </span>
                <span className="user-box__name">{user.displayName}</span>
                <span className="user-box__role">{t(`role.${user.role}`)}</span>
              </p>
              <button type="button" className="button button--ghost" onClick={doSignOut}>
                {t('user.signOut')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </header>
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

import { type ReactNode, useEffect, useState } from 'react';
import type { Role } from './api/auth';
import { Banner } from './app/Banner';
import { can } from './app/permissions';
import { Link, navigate, usePath } from './app/router';
import { SessionProvider, useSession } from './app/session';
import { TimeZoneContext, useDeploymentTimeZone } from './app/timeZone';
import { ErrorAlert } from './components/ErrorAlert';
import { Loading } from './components/Loading';
import { AdminSection } from './features/admin/AdminSection';
import { CalendarPage } from './features/calendar/CalendarPage';
import { CampaignPage } from './features/campaigns/CampaignPage';
import { CampaignsPage } from './features/campaigns/CampaignsPage';
import { KitsPage } from './features/kits/KitsPage';
import { TokensPage } from './features/me/TokensPage';
import { MediaPage } from './features/media/MediaPage';
import { MyWorkPage } from './features/mywork/MyWorkPage';
import { PlanPage } from './features/plans/PlanPage';
import { PlansPage } from './features/plans/PlansPage';
import { TaskPage } from './features/plans/TaskPage';
import { ActivityListPage } from './features/reports/ActivityListPage';
import { ReportRecordPage } from './features/reports/ReportRecordPage';
import { ReportRecordsPage } from './features/reports/ReportRecordsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { HeldActivityPage } from './features/results/HeldActivityPage';
import { ResultPage } from './features/results/ResultPage';
import { SharedPage } from './features/shared/SharedPage';
import { SignInPage } from './features/signin/SignInPage';
import { useT } from './i18n/context';

/**
 * The whole page. Addresses under `/shared/` are read-only calendars for people without
 * an account: they never ask who is signed in, and show neither the sign-in page nor the
 * app's navigation. Everything else is the app, behind signing in.
 */
export function Root() {
  const path = usePath();
  if (path === '/shared' || path.startsWith('/shared/')) {
    return <SharedApp token={path.slice('/shared/'.length)} />;
  }
  return (
    <SessionProvider>
      <App />
    </SessionProvider>
  );
}

export function App() {
  const timeZone = useDeploymentTimeZone();
  const { state, retry } = useSession();
  const t = useT();

  let content: ReactNode;
  if (state.status === 'loading' || timeZone === null) {
    content = <Loading />;
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

/** A shared link's page: the banner, and the calendar the link's secret opens. */
function SharedApp({ token }: { token: string }) {
  const timeZone = useDeploymentTimeZone();

  // The address is a secret: should it ever reach a crawler, it must not be indexed.
  useEffect(() => {
    const robots = document.createElement('meta');
    robots.name = 'robots';
    robots.content = 'noindex, nofollow';
    document.head.append(robots);
    return () => robots.remove();
  }, []);

  return (
    <div className="app">
      <Banner />
      <main className="app-main">
        {timeZone === null ? (
          <Loading />
        ) : (
          <TimeZoneContext value={timeZone}>
            <SharedPage token={token} timeZone={timeZone} />
          </TimeZoneContext>
        )}
      </main>
    </div>
  );
}

/** The record id in an address such as `/plans/12`; null for anything else. */
function idIn(path: string, prefix: string): number | null {
  const match = new RegExp(`^${prefix}/([1-9]\\d{0,9})$`).exec(path);
  return match ? Number(match[1]) : null;
}

/** The screen for the address, among those the role may use. */
function Screen({ role, timeZone }: { role: Role; timeZone: string }) {
  const path = usePath();
  if (path === '/') return <CalendarPage timeZone={timeZone} />;
  if (path === '/my-work') return <MyWorkPage />;
  if (path === '/plans') return <PlansPage />;
  if (path === '/campaigns') return <CampaignsPage />;
  if (path === '/campaigns/kits') return <KitsPage />;
  const planId = idIn(path, '/plans');
  // `key`: another record's page starts afresh, without the previous one's data.
  if (planId !== null) return <PlanPage key={planId} id={planId} />;
  const taskId = idIn(path, '/tasks');
  if (taskId !== null) return <TaskPage key={taskId} id={taskId} />;
  const campaignId = idIn(path, '/campaigns');
  if (campaignId !== null) return <CampaignPage key={campaignId} id={campaignId} />;
  if (path === '/media') return <MediaPage />;
  if (path === '/reports') return <ReportsPage />;
  if (path === '/reports/activities') return <ActivityListPage />;
  if (path === '/report-records') return <ReportRecordsPage />;
  const reportId = idIn(path, '/report-records');
  if (reportId !== null) return <ReportRecordPage key={reportId} id={reportId} />;
  if (path === '/activities/held/new') return <HeldActivityPage />;
  const resultOf = /^\/activities\/([1-9]\d{0,9})\/result$/.exec(path);
  if (resultOf) return <ResultPage key={resultOf[1]} activityId={Number(resultOf[1])} />;
  if (path === '/me/tokens') return <TokensPage />;
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
  // On a phone the navigation and the user's box fold behind a menu button (CSS shows the
  // button only there); going to another page folds them again.
  const [menuOpen, setMenuOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input.
  useEffect(() => setMenuOpen(false), [path]);

  const doSignOut = async () => {
    await signOut();
    // The next person to sign in here starts from the calendar, not from this user's screen.
    navigate('/', { replace: true });
  };

  return (
    <Banner
      menuButton={
        user ? (
          <button
            type="button"
            className="app-header__menu-button"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
            <span className="app-header__menu-label">{menuOpen ? t('nav.menuClose') : t('nav.menu')}</span>
          </button>
        ) : null
      }
    >
      {user ? (
        <div id="app-menu" className={menuOpen ? 'app-bar app-bar--open' : 'app-bar'}>
          <div className="app-bar__inner">
            <nav className="main-nav" aria-label={t('nav.label')}>
              <ul>
                <li>
                  <Link href="/" className="main-nav__link">
                    {t('nav.calendar')}
                  </Link>
                </li>
                <li>
                  <Link href="/my-work" className="main-nav__link">
                    {t('nav.myWork')}
                  </Link>
                </li>
                <li>
                  <Link
                    href="/plans"
                    className="main-nav__link"
                    current={path.startsWith('/plans') || path.startsWith('/tasks/')}
                  >
                    {t('nav.plans')}
                  </Link>
                </li>
                <li>
                  <Link href="/campaigns" className="main-nav__link" current={path.startsWith('/campaigns')}>
                    {t('nav.campaigns')}
                  </Link>
                </li>
                <li>
                  <Link href="/media" className="main-nav__link">
                    {t('nav.media')}
                  </Link>
                </li>
                <li>
                  <Link href="/reports" className="main-nav__link">
                    {t('nav.reports')}
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
              <div className="user-box__who">
                <p className="user-box__identity">
                  <span className="visually-hidden">{t('user.signedInAs')} </span>
                  <span className="user-box__name">{user.displayName}</span>
                  <span className="user-box__role">{t(`role.${user.role}`)}</span>
                </p>
                <Link href="/me/tokens" className="user-box__link">
                  {t('user.tokens')}
                </Link>
              </div>
              <button type="button" className="button button--ghost" onClick={doSignOut}>
                {t('user.signOut')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </Banner>
  );
}

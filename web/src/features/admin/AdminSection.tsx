import { type ReactNode, useEffect } from 'react';
import type { Role } from '../../api/auth';
import { can, canLockPeriods } from '../../app/permissions';
import { Link, navigate } from '../../app/router';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/vi';
import { AgenciesPage } from './AgenciesPage';
import { AuditPage } from './AuditPage';
import { CalendarMarksPage } from './CalendarMarksPage';
import { CatalogPage } from './catalog/CatalogPage';
import { PeriodLocksPage } from './PeriodLocksPage';
import { ShareLinksPage } from './ShareLinksPage';
import { UnitsPage } from './UnitsPage';
import { UsersPage } from './UsersPage';

type Section = {
  path: string;
  label: MessageKey;
  allowed: (role: Role) => boolean;
  render: (role: Role) => ReactNode;
};

const sections: Section[] = [
  {
    path: '/admin/users',
    label: 'admin.users',
    allowed: can.readUsers,
    render: (role) => <UsersPage role={role} />,
  },
  {
    path: '/admin/agencies',
    label: 'admin.agencies',
    allowed: can.manageReference,
    render: () => <AgenciesPage />,
  },
  { path: '/admin/units', label: 'admin.units', allowed: can.manageReference, render: () => <UnitsPage /> },
  {
    path: '/admin/catalog',
    label: 'admin.catalog',
    allowed: can.manageReference,
    render: () => <CatalogPage />,
  },
  {
    path: '/admin/share-links',
    label: 'admin.shareLinks',
    allowed: can.manageShareLinks,
    render: () => <ShareLinksPage />,
  },
  {
    path: '/admin/locks',
    label: 'admin.periodLocks',
    allowed: canLockPeriods,
    render: () => <PeriodLocksPage />,
  },
  {
    path: '/admin/calendar-marks',
    label: 'admin.calendarMarks',
    allowed: can.markCalendar,
    render: () => <CalendarMarksPage />,
  },
  { path: '/admin/audit', label: 'admin.audit', allowed: can.readAudit, render: () => <AuditPage /> },
];

/** The Admin screens the role may use, under a navigation that lists only those. */
export function AdminSection({ path, role }: { path: string; role: Role }) {
  const t = useT();
  const offered = sections.filter((section) => section.allowed(role));
  const first = offered[0];

  // `/admin` itself is the first screen offered.
  useEffect(() => {
    if (path === '/admin' && first) navigate(first.path, { replace: true });
  }, [path, first]);

  const section = sections.find((candidate) => candidate.path === path);
  let content: ReactNode = null;
  if (path !== '/admin') {
    if (!section) content = <Message title={t('app.notFound')} />;
    else if (!section.allowed(role)) content = <Message title={t('admin.forbidden')} />;
    else content = section.render(role);
  }
  if (offered.length === 0) return <Message title={t('admin.forbidden')} />;

  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.navLabel')}>
        <ul>
          {offered.map((entry) => (
            <li key={entry.path}>
              <Link href={entry.path} className="admin-nav__link">
                {t(entry.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin__content">{content}</div>
    </div>
  );
}

function Message({ title }: { title: string }) {
  const t = useT();
  return (
    <section className="page" aria-label={title}>
      <p className="page__message">{title}</p>
      <p>
        <Link href="/">{t('app.backToCalendar')}</Link>
      </p>
    </section>
  );
}

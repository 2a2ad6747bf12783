import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import type { SessionUser } from '@up/common/contracts/accounts';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { hasRight, useActiveCustomer, useLogout, useOperator, useSession } from '../api/session.ts';
import { hasStoredLanguage, setLanguage } from '../i18n/index.ts';
import { setPortalName } from '../lib/title.ts';
import { CookieNotice } from './CookieNotice.tsx';
import { CustomerSwitcher } from './CustomerSwitcher.tsx';
import { ErrorReportButton } from './ErrorReportDialog.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { MaintenanceBanner } from './MaintenanceBanner.tsx';
import { Loading } from './Messages.tsx';
import { SupportInfo } from './SupportInfo.tsx';
import { SuspensionBanner } from '../features/payments/SuspensionBanner.tsx';
import './Buttons.css';
import './Layout.css';

/** Operator branding: the primary colour as --brand, and the portal name in the title. */
function useBranding(operator: OperatorProfile | undefined) {
  useEffect(() => {
    if (!operator) return;
    document.documentElement.style.setProperty('--brand', operator.branding.primaryColor);
    document.documentElement.style.setProperty('--accent', operator.branding.accentColor);
    setPortalName(operator.portalName);
  }, [operator]);
}

/** A user who never chose a language on this device gets the one in their profile. */
function useProfileLanguage(user: SessionUser | null | undefined) {
  useEffect(() => {
    if (user?.language && !hasStoredLanguage()) setLanguage(user.language, false);
  }, [user?.language]);
}

/** After moving to another page, focus goes to <main> so that screen readers start from the new content. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const operator = useOperator().data;
  useBranding(operator);
  useProfileLanguage(user);
  useFocusMainOnNavigation();

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <MaintenanceBanner />
      <CookieNotice />
      <Header operator={operator} user={user ?? null} />
      {user && !user.secondFactorPending ? <SuspensionBanner /> : null}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer operator={operator} />
    </div>
  );
}

function Header({ operator, user }: { operator: OperatorProfile | undefined; user: SessionUser | null }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const loggedIn = Boolean(user && !user.secondFactorPending);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header className="header">
      <div className="header__bar">
        <Link to="/" className="brand">
          {operator && <span className="brand__logo" aria-hidden="true" dangerouslySetInnerHTML={{ __html: operator.branding.logoSvg }} />}
          <span className="brand__name">{operator?.portalName ?? t('layout.portal')}</span>
        </Link>
        <div className="header__tools">
          <LanguageSwitcher />
          {loggedIn && (
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="primary-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('layout.menu')}
            </button>
          )}
          {!loggedIn && location.pathname !== '/login' && (
            <Link to="/login" className="button button--small">
              {t('login.submit')}
            </Link>
          )}
        </div>
      </div>
      {loggedIn && user && <MainNav user={user} open={menuOpen} />}
    </header>
  );
}

function MainNav({ user, open }: { user: SessionUser; open: boolean }) {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const isMain = customer?.role === 'main';
  // the metering module serves grid and supply operators (objects) and the radio-permit operator (permits)
  const modules = useOperator().data?.modules;
  const permitsOnly = Boolean(modules && !modules.includes('metering') && modules.includes('permits'));
  const showsObjects = !modules || modules.includes('metering') || permitsOnly;
  // BIL-15, ACC-10: invoices where the operator bills through the portal and the user may see them (session rights are effective ones)
  const showsInvoices = Boolean(modules?.includes('billing')) && hasRight(customer, 'see_invoices');
  // issue 13: every user of the customer sees its payments (what it owes today only with see_invoices)
  const showsPayments = Boolean(modules?.includes('billing')) && Boolean(customer);
  const items: { to: string; label: string; show: boolean }[] = [
    { to: '/', label: t('nav.overview'), show: Boolean(customer) },
    { to: '/contracts', label: t('nav.contracts'), show: Boolean(customer) },
    // GRD-1, GRD-3: every user of a customer sees its objects and consumption (not a main-user right)
    { to: '/objects', label: permitsOnly ? t('nav.permits') : t('nav.objects'), show: Boolean(customer) && showsObjects },
    { to: '/invoices', label: t('nav.invoices'), show: showsInvoices },
    { to: '/payments', label: t('nav.payments'), show: showsPayments },
    { to: '/users', label: t('nav.users'), show: isMain },
    { to: '/contact', label: t('nav.contact'), show: isMain },
    { to: '/orders', label: t('nav.orders'), show: Boolean(customer) },
    { to: '/notices', label: t('nav.notices'), show: true },
    { to: '/profile', label: t('nav.profile'), show: true },
    { to: '/activity', label: t('nav.activity'), show: true },
    { to: '/staff', label: t('nav.staff'), show: Boolean(user.staffRole) },
  ];
  return (
    <div id="primary-nav" className={open ? 'nav-area nav-area--open' : 'nav-area'}>
      <nav aria-label={t('nav.label')}>
        <ul className="nav">
          {items
            .filter((item) => item.show)
            .map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <div className="nav-area__user">
        <CustomerSwitcher />
        <span className="user-name">{user.fullName}</span>
        <LogoutButton />
      </div>
    </div>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button type="button" className="button button--secondary button--small" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {t('layout.logout')}
    </button>
  );
}

function Footer({ operator }: { operator: OperatorProfile | undefined }) {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <div className="footer__inner">
        <section aria-labelledby="footer-support">
          <h2 id="footer-support">{t('support.title')}</h2>
          {operator && <SupportInfo support={operator.support} />}
        </section>
        <section aria-labelledby="footer-portal">
          <h2 id="footer-portal">{t('layout.aboutPortal')}</h2>
          <ul className="plain-list">
            <li>
              <Link to="/terms">{t('terms.title')}</Link>
            </li>
            {operator && (
              <li>
                <a href={operator.website}>{operator.legalName}</a>
              </li>
            )}
            {operator?.devMode && (
              <li>
                <Link to="/dev/mailbox">{t('mailbox.title')}</Link>
              </li>
            )}
          </ul>
          <ErrorReportButton />
        </section>
      </div>
    </footer>
  );
}

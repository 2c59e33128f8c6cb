import { useState, type FormEvent } from 'react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UserMenu } from '../features/auth/UserMenu.tsx';
import { useCan } from '../features/auth/session.ts';

const NAV = [
  { to: '/', key: 'nav.dashboard', icon: '▦', exact: true },
  { to: '/actions', key: 'nav.actions', icon: '☰', exact: false },
  { to: '/suggestions', key: 'nav.suggestions', icon: '✦', exact: false, needs: 'read' },
  { to: '/documents', key: 'nav.library', icon: '❏', exact: false },
  { to: '/streamline', key: 'overlaps.nav', icon: '◫', exact: false, needs: 'read' },
  { to: '/references', key: 'references.nav', icon: '⇄', exact: false },
  { to: '/import', key: 'nav.import', icon: '⇪', exact: false, needs: 'edit' },
] as const;

function TopSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currentQ = useRouterState({
    select: (s) => (s.location.pathname === '/actions' ? (s.location.search as { q?: string }).q : undefined),
  });
  const [value, setValue] = useState(currentQ ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = value.trim() || undefined;
    void navigate({ to: '/actions', search: { q } });
  };

  return (
    <form role="search" onSubmit={submit}>
      <label htmlFor="global-search" className="visually-hidden">
        {t('topbar.searchLabel')}
      </label>
      <input
        id="global-search"
        type="search"
        placeholder={t('topbar.searchPlaceholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
    </form>
  );
}

export function Layout() {
  const { t } = useTranslation();
  // Pages the role cannot use are not offered (the server refuses them anyway).
  const can = useCan();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="brand">
        <Link to="/">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>{' '}
          {t('app.name')}
        </Link>
      </div>
      <header className="topbar">
        <TopSearch />
        <span className="topbar-spacer" />
        <UserMenu />
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {NAV.filter((item) => !('needs' in item) || can[item.needs]).map((item) => (
            <li key={item.to}>
              <Link to={item.to} activeOptions={{ exact: item.exact, includeSearch: false }}>
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                {t(item.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="empty">
      <strong>{t('errors.notFoundTitle')}</strong>
      <Link to="/">{t('errors.backHome')}</Link>
    </div>
  );
}

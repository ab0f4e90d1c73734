import { useEffect, useMemo, useRef } from 'react';
import { PrimaryNav, useNavMode } from './PrimaryNav.js';
import { type AppRoute, navEntries } from '../routes.js';
import { Link, matchPath, usePath } from '../router.js';
import { useSession } from '../session.js';
import { Brand } from './Brand.js';
import { IdleWarning } from './IdleWarning.js';

/** The signed-in frame: header, primary navigation, the current page, and a footer. */
export function Shell({ routes }: { routes: AppRoute[] }) {
  const path = usePath();
  const { health, user, signOut } = useSession();
  const first = useRef(true);
  // The same object until the path changes: the title-and-focus effect below depends on it, and a
  // fresh one each render moved focus to the heading on every re-render (a resize, a session tick).
  const found = useMemo(() => findRoute(routes, path), [routes, path]);
  const headerRef = useRef<HTMLDivElement>(null);
  const navItems = navEntries(routes, user.roles).map((r) => ({ to: r.path, label: r.nav?.label ?? r.path, current: isCurrent(r, path) }));
  const navMode = useNavMode(headerRef, [navItems.map((i) => i.label).join('|'), health.practiceName, user.displayName]);

  useEffect(() => {
    const title = found ? (typeof found.route.title === 'function' ? found.route.title(found.params) : found.route.title) : 'Not found';
    document.title = `${title} · Sanctum`;
    // After a navigation, start at the new page's heading, as a full page load would.
    if (first.current) first.current = false;
    else document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path, found]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div ref={headerRef} className={`app-header-inner header-nav-${navMode}`}>
          <Link to="/" className="brand-link" aria-label={`Sanctum, ${health.practiceName ?? 'home'}: home`}>
            <Brand practiceName={health.practiceName} />
          </Link>
          <PrimaryNav items={navItems} mode={navMode} path={path} />
          <div className="user-menu">
            <Link to="/account" className="user-name" aria-current={path === '/account' ? 'page' : undefined}>
              <span className="visually-hidden">Signed in as </span>
              {user.displayName}
              <span className="visually-hidden">: your account and password</span>
            </Link>
            <button type="button" className="btn btn-quiet" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <IdleWarning onSignOut={signOut} />
      <main id="main" tabIndex={-1} className="app-main">
        {found ? found.route.element(found.params) : <NotFound />}
      </main>
      <footer className="app-footer">
        <p>Every view of a record is written to its access history.</p>
      </footer>
    </>
  );
}

function findRoute(routes: AppRoute[], path: string) {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function isCurrent(route: AppRoute, path: string): boolean {
  const prefixes = route.nav?.activeFor ?? [route.path];
  return prefixes.some((p) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`)));
}

function NotFound() {
  return (
    <div className="page">
      <h1 tabIndex={-1} className="page-title">
        Page not found
      </h1>
      <p>
        There is nothing at this address. <Link to="/">Go to your caseload</Link>.
      </p>
    </div>
  );
}

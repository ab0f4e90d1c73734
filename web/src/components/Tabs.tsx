import { Link } from '../router.js';

export interface TabLink {
  id: string;
  label: string;
  href: string;
}

/**
 * Sections of a page as links (each has its own address, so back/forward and bookmarks work);
 * the current one is marked with aria-current for assistive technology.
 */
export function Tabs({ label, tabs, current }: { label: string; tabs: TabLink[]; current: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((t) => (
          <li key={t.id}>
            <Link to={t.href} className="tab" aria-current={t.id === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

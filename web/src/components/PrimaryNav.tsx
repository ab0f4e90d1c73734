import { type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Link } from '../router.js';

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

/**
 * How the main navigation fits the header: beside the brand when there is room; on a row of
 * its own when there is not; behind a "Menu" button when even a full row is too narrow. Decided
 * by measuring (the list grows as features add pages), never by guessing a breakpoint.
 */
export type NavMode = 'inline' | 'row' | 'menu';

export function useNavMode(container: RefObject<HTMLElement | null>, deps: unknown[]): NavMode {
  const [mode, setMode] = useState<NavMode>('row');
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const decide = () => {
      const style = getComputedStyle(el);
      const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const gap = parseFloat(style.columnGap) || 0;
      const width = (sel: string) => el.querySelector<HTMLElement>(sel)?.getBoundingClientRect().width ?? 0;
      const need = width('.nav-measure');
      const beside = inner - width('.brand-link') - width('.user-menu') - 2 * gap;
      setMode(need <= beside ? 'inline' : need <= inner ? 'row' : 'menu');
    };
    decide();
    const observer = new ResizeObserver(decide);
    observer.observe(el);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-measure when the entries change
  }, [container, ...deps]);
  return mode;
}

export function PrimaryNav({ items, mode, path }: { items: NavItem[]; mode: NavMode; path: string }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const collapsed = mode === 'menu';

  // A chosen page closes the menu; so does leaving menu mode.
  useEffect(() => setOpen(false), [path, collapsed]);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const list = (
    <ul id={listId} className="nav-list" hidden={collapsed && !open}>
      {items.map((i) => (
        <li key={i.to}>
          <Link to={i.to} className="nav-link" aria-current={i.current ? 'page' : undefined}>
            {i.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <nav
      ref={navRef}
      className={`primary-nav primary-nav-${mode}`}
      aria-label="Main"
      onKeyDown={(e) => {
        if (collapsed && open && e.key === 'Escape') {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      {collapsed && (
        <button ref={buttonRef} type="button" className="btn btn-secondary btn-small nav-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="nav-toggle-icon">{open ? '✕' : '☰'}</span> Menu
        </button>
      )}
      {list}
      <ul className="nav-list nav-measure" aria-hidden="true">
        {items.map((i) => (
          <li key={i.to}>
            <span className="nav-link">{i.label}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useState } from 'react';

/** A small history-API router: enough for a handful of screens, no dependency to audit. */

const EVENT = 'sanctum:navigate';

/**
 * A page with unsaved work (a note being written) may hold navigation: it returns true to say it
 * has taken over and will call `proceed` if the person chooses to leave. One at a time.
 */
export type LeaveGuard = (proceed: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

export function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (leaveGuard && !opts.force && leaveGuard(() => navigate(to, { ...opts, force: true }))) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
}

export function currentPath(): string {
  return window.location.pathname + window.location.search;
}

/** The current path; re-renders on link clicks, navigate() and the back button. */
export function usePath(): string {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    // A child may have navigated in its own first effect, which runs before this one subscribes.
    update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return path;
}

export type Params = Record<string, string>;

/**
 * Match "/clients/:id/:tab?" style patterns. A trailing "?" makes a segment optional;
 * returns the decoded parameters, or null when the path does not match.
 */
export function matchPath(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (have.length > want.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const seg = want[i];
    const optional = seg.endsWith('?');
    const name = optional ? seg.slice(0, -1) : seg;
    const value = have[i];
    if (value === undefined) {
      if (optional) continue;
      return null;
    }
    if (name.startsWith(':')) {
      try {
        params[name.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (name !== value) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary anchor (so open-in-new-tab and keyboard work) that navigates in place. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

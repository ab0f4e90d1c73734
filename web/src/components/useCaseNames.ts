import { useEffect, useState } from 'react';
import { type CaseloadEntry, api } from '../api.js';

/**
 * The viewer's caseload, fetched once for everything one page visit shows (a register's names and
 * its form's client picker), so the visit records one caseload read, not one per component.
 */
let recent: { at: number; list: Promise<CaseloadEntry[]> } | null = null;
export function caseloadOnce(): Promise<CaseloadEntry[]> {
  if (!recent || Date.now() - recent.at > 5_000) {
    const list = api.get<CaseloadEntry[]>('/api/clients');
    recent = { at: Date.now(), list };
    list.catch(() => (recent = null));
  }
  return recent.list;
}

/**
 * Names for the case codes a register shows, for the clients this person may see by name (their
 * own caseload, as the server lists it). Anyone else's case stays a code.
 */
export function useCaseNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    caseloadOnce().then(
      (list) => live && setNames(new Map(list.map((c) => [c.caseCode, c.name]))),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return names;
}

const CASE_CODE = /\bC-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g;

/** "Subject access · C-R9BD-BVR3" becomes "Subject access · Amara Okafor (C-R9BD-BVR3)" where the name is known. */
export function withCaseNames(text: string, names: Map<string, string>): string {
  return text.replace(CASE_CODE, (code) => (names.has(code) ? `${names.get(code)} (${code})` : code));
}

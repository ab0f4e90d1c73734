import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { ResponseOf } from '../api/contract.js';

export type StaffName = ResponseOf<'/api/staff-names', 'get'>[number];

/** Fetched once per page load and shared: every note on a record asks for the same list. */
let cache: Promise<Map<string, string>> | null = null;

/** After adding a colleague, so their name appears without reloading the app. */
export function forgetStaffNames(): void {
  cache = null;
}

export function useStaffNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    cache ??= api.get<StaffName[]>('/api/staff-names').then(
      (list) => new Map(list.map((s) => [s.id, s.displayName])),
      () => {
        cache = null;
        return new Map<string, string>();
      },
    );
    void cache.then((m) => live && setNames(m));
    return () => {
      live = false;
    };
  }, []);
  return names;
}

/** Who wrote something, in words; records made at the command line carry the id "cli". */
export function authorName(names: Map<string, string>, id: string): string | null {
  if (id === 'cli') return 'the command line';
  return names.get(id) ?? null;
}

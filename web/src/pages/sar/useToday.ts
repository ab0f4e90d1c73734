import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';

/**
 * The practice's today (its own time zone, from the server); if that cannot be read, the
 * browser's date stands in. null until known.
 */
export function useToday(): string | null {
  const { data } = useLoad(
    () => api.get<{ today: string }>('/api/dashboard/deadlines').then((d) => d.today, () => new Date().toISOString().slice(0, 10)),
    [],
  );
  return data;
}

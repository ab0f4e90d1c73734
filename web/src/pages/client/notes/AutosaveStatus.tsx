import { instant } from '../../../format.js';
import type { SaveStatus } from './useDraftAutosave.js';

/** Quiet progress under the editor; only a failure is announced, since it needs the person. */
export function AutosaveStatus({ status, savedAt }: { status: SaveStatus; savedAt: Date | null }) {
  if (status === 'failed') {
    return <p className="autosave-status autosave-failed" role="alert">Your latest words could not be saved yet. They are still here; Sanctum will keep trying.</p>;
  }
  const text = status === 'saving' ? 'Saving…' : savedAt ? `Draft saved automatically, ${instant(savedAt.toISOString())}.` : 'This draft saves itself every few seconds.';
  return <p className="autosave-status" data-testid="autosave-status">{text}</p>;
}

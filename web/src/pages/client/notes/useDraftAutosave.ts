import { useCallback, useEffect, useRef, useState } from 'react';
import { type Note, type NoteKind, api } from '../../../api.js';
import { setLeaveGuard } from '../../../router.js';

/** How often a draft being typed saves itself. */
export const AUTOSAVE_MS = 3_000;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface Options {
  clientId: string;
  kind: NoteKind;
  /** An existing draft being edited; a new note is created as a draft on its first save. */
  noteId?: string;
  initialText: string;
}

/**
 * Text typed into a note must survive a reload, a tab change or a closed laptop. The draft saves
 * itself (encrypted on the server like any draft) every few seconds while it changes, once more as
 * the page goes away, and leaving with words not yet saved asks first — the browser's own prompt
 * on reload or close, an in-app dialog (`leaving`) on a link inside Sanctum.
 */
export function useDraftAutosave({ clientId, kind, noteId: existingId, initialText }: Options) {
  const [text, setText] = useState(initialText);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [noteId, setNoteId] = useState<string | null>(existingId ?? null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const idRef = useRef<string | null>(existingId ?? null);
  const latest = useRef(initialText);
  const saved = useRef(initialText);
  const running = useRef<Promise<void> | null>(null);
  // Read through refs so the listeners below are set up once per editor, not again on each change
  // of kind (which would run the leaving-page save early and could create a second draft).
  const target = useRef({ clientId, kind });
  target.current = { clientId, kind };
  latest.current = text;

  const dirty = () => latest.current !== saved.current && latest.current.trim() !== '';

  /** Save what is typed now; resolves true when the server holds it. Saves never overlap. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    while (running.current) await running.current;
    if (!dirty()) return true;
    const t = latest.current;
    const run = (async () => {
      setStatus('saving');
      try {
        if (idRef.current) {
          await api.put(`/api/notes/${encodeURIComponent(idRef.current)}`, { text: t, autosave: true });
        } else {
          const n = await api.post<Note>(`/api/clients/${encodeURIComponent(target.current.clientId)}/notes`, { kind: target.current.kind, text: t, sign: false });
          idRef.current = n.id;
          setNoteId(n.id);
        }
        saved.current = t;
        setSavedAt(new Date());
        setStatus('saved');
      } catch {
        setStatus('failed');
      }
    })();
    running.current = run;
    await run;
    running.current = null;
    return saved.current === t;
  }, []);

  /** Before or after an explicit save: this text is what the server holds. Returns what was marked before, to undo on failure. */
  const markSaved = useCallback((t: string): string => {
    const before = saved.current;
    saved.current = t;
    return before;
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => void saveNow(), AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [saveNow]);

  useEffect(() => {
    // The page is going away: a keepalive request outlives it, where an ordinary fetch is cancelled.
    const flush = () => {
      if (!dirty() || running.current) return;
      const t = latest.current;
      saved.current = t;
      const id = idRef.current;
      const url = id ? `/api/notes/${encodeURIComponent(id)}` : `/api/clients/${encodeURIComponent(target.current.clientId)}/notes`;
      const body = id ? { text: t, autosave: true } : { kind: target.current.kind, text: t, sign: false };
      void fetch(url, { method: id ? 'PUT' : 'POST', keepalive: true, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => {});
    };
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    // Switching to another browser tab or app may be the last chance before the laptop sleeps.
    const hidden = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    const release = setLeaveGuard((proceed) => {
      if (!dirty()) return false;
      setLeaving(() => proceed);
      return true;
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      release();
      flush();
    };
  }, [saveNow]);

  /** The in-app "leave this note?" dialog: save then go, or stay. */
  const leave = {
    open: leaving !== null,
    saveAndGo: async (): Promise<boolean> => {
      const go = leaving;
      if (!(await saveNow())) return false;
      setLeaving(null);
      go?.();
      return true;
    },
    stay: () => setLeaving(null),
  };

  /** Wait for an automatic save in flight, then the draft's id (null if none was made): an explicit save then finishes that draft instead of writing a second. */
  const settledId = useCallback(async (): Promise<string | null> => {
    while (running.current) await running.current;
    return idRef.current;
  }, []);

  return { text, setText, status, savedAt, noteId, saveNow, settledId, markSaved, leave };
}

import { useState } from 'react';
import { type Note, api } from '../../../api.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { FormError } from '../../../components/FormError.js';
import { useAnnounce } from '../../../components/Status.js';
import { useConfirm } from '../../../components/useConfirm.js';
import { authorName, useStaffNames } from '../../../components/useStaffNames.js';
import { instant } from '../../../format.js';
import { AddendumForm } from './AddendumForm.js';
import { DraftEditor } from './DraftEditor.js';
import { SIGN_EXPLANATION } from './signing.js';

export function NoteCard({ note, clientId, reload }: { note: Note; clientId: string; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const signing = useConfirm();
  const announce = useAnnounce();
  const names = useStaffNames();
  const author = authorName(names, note.authorId);
  const label = note.kind === 'process' ? 'Process note' : 'Progress note';
  const headingId = `note-${note.id}`;
  // The button that was pressed is gone once the note changes; keep keyboard focus on the note.
  const focusNote = () => window.setTimeout(() => document.getElementById(headingId)?.focus(), 0);

  const sign = () =>
    signing.confirm(
      () => api.post(`/api/notes/${encodeURIComponent(note.id)}/sign`),
      async () => {
        announce('Note signed and locked.');
        await reload();
        focusNote();
      },
    );

  return (
    <article className={`note note-${note.kind} note-${note.status}`} aria-labelledby={headingId}>
      <header className="note-head">
        <h3 id={headingId} className="note-title" tabIndex={-1}>
          {label}
          <span className="visually-hidden">, {note.status === 'signed' ? 'signed' : 'draft'}, written {instant(note.createdAt)}</span>
        </h3>
        {note.kind === 'process' && <span className="badge badge-protected">Extra protection</span>}
        <span className={`badge badge-${note.status}`}>{note.status === 'signed' ? 'Signed' : 'Draft'}</span>
        <span className="note-meta">
          {note.status === 'signed' ? `Signed ${instant(note.signedAt)}` : `Written ${instant(note.createdAt)}`}
          {author && <> by <span className="note-author">{author}</span></>}
        </span>
      </header>
      <FormError message={signing.error} />
      {editing ? (
        <DraftEditor note={note} clientId={clientId} onDone={async () => { setEditing(false); await reload(); focusNote(); }} />
      ) : (
        <div className="note-text">{note.text}</div>
      )}
      {note.addenda.length > 0 && (
        <section className="addenda" aria-label="Addenda">
          {note.addenda.map((a) => (
            <div key={a.id} className="addendum">
              <p className="addendum-meta">Addendum · {instant(a.createdAt)}{authorName(names, a.authorId) && <> · by <span className="note-author">{authorName(names, a.authorId)}</span></>}</p>
              <div className="note-text">{a.text}</div>
            </div>
          ))}
        </section>
      )}
      {note.status === 'draft' && !editing && (
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>Edit draft</button>
          <button type="button" className="btn btn-primary" onClick={signing.ask}>Sign…</button>
        </div>
      )}
      {note.status === 'signed' && !adding && (
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={() => setAdding(true)}>Add addendum</button>
        </div>
      )}
      {adding && <AddendumForm noteId={note.id} onDone={async () => { setAdding(false); await reload(); focusNote(); }} onCancel={() => setAdding(false)} />}
      <ConfirmDialog open={signing.asking} title="Sign this note?" confirmLabel="Sign and lock" busy={signing.busy} onConfirm={() => void sign()} onCancel={signing.cancel}>
        <p>{SIGN_EXPLANATION}</p>
      </ConfirmDialog>
    </article>
  );
}

import type { Note } from '../../../api.js';
import { FormCard } from '../../../components/FormCard.js';
import { NoteCard } from './NoteCard.js';
import { NoteComposer } from './NoteComposer.js';

interface Props {
  clientId: string;
  notes: Note[];
  reload: () => Promise<void>;
}

/** Newest first, so once a note is saved keyboard focus goes to the first one: what was just saved. */
export function NotesPanel({ clientId, notes, reload }: Props) {
  return (
    <FormCard
      title="Clinical notes"
      className="notes-card"
      description="Newest first. Drafts can be edited; signed notes are locked and can only be added to."
      openLabel="Write a note"
      form={(p) => <NoteComposer clientId={clientId} {...p} />}
      onDone={reload}
      focusAfter=".note-list .note-title"
    >
      {(writing) => (
        <>
          {notes.length === 0 && !writing && <p className="empty-inline">No notes yet.</p>}
          <ol className="note-list">
            {notes.map((n) => (
              <li key={n.id}>
                <NoteCard note={n} clientId={clientId} reload={reload} />
              </li>
            ))}
          </ol>
        </>
      )}
    </FormCard>
  );
}

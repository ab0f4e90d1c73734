import { useState } from 'react';
import type { Note } from '../../../api.js';
import { Card } from '../../../components/Card.js';
import { NoteCard } from './NoteCard.js';
import { NoteComposer } from './NoteComposer.js';

interface Props {
  clientId: string;
  notes: Note[];
  reload: () => Promise<void>;
}

export function NotesPanel({ clientId, notes, reload }: Props) {
  const [writing, setWriting] = useState(false);
  return (
    <Card
      title="Clinical notes"
      className="notes-card"
      description="Newest first. Drafts can be edited; signed notes are locked and can only be added to."
      actions={
        !writing && (
          <button type="button" className="btn btn-primary" onClick={() => setWriting(true)}>
            Write a note
          </button>
        )
      }
    >
      {writing && (
        <NoteComposer
          clientId={clientId}
          onDone={async () => {
            setWriting(false);
            await reload();
            // The newest note is first: put keyboard focus on what was just saved.
            window.setTimeout(() => document.querySelector<HTMLElement>('.note-list .note-title')?.focus(), 0);
          }}
          onCancel={() => setWriting(false)}
        />
      )}
      {notes.length === 0 && !writing && <p className="empty-inline">No notes yet.</p>}
      <ol className="note-list">
        {notes.map((n) => (
          <li key={n.id}>
            <NoteCard note={n} clientId={clientId} reload={reload} />
          </li>
        ))}
      </ol>
    </Card>
  );
}

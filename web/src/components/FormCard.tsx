import { type ReactNode, useState } from 'react';
import { Card } from './Card.js';

interface FormCardProps {
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  /** The button in the card's head that opens the form; hidden while the form is open. */
  openLabel: string;
  /** The form, given what to call when its work is done and when it is cancelled. */
  form: (props: { onDone: () => Promise<void>; onCancel: () => void }) => ReactNode;
  /** Once the form's work is done it closes, then this runs (read the list again). */
  onDone: () => Promise<void>;
  /** Where keyboard focus goes after that, since the button that was pressed is gone: what was just added. */
  focusAfter?: string;
  /** The card's content under the form, told whether the form is open. */
  children: (open: boolean) => ReactNode;
}

/** A card whose main action opens a form in place, at the top of the card ("Write a note", "Upload a document"). */
export function FormCard({ openLabel, form, onDone, focusAfter, children, ...card }: FormCardProps) {
  const [open, setOpen] = useState(false);
  const onCancel = () => setOpen(false);
  const done = async () => {
    setOpen(false);
    await onDone();
    if (focusAfter) window.setTimeout(() => document.querySelector<HTMLElement>(focusAfter)?.focus(), 0);
  };
  const opener = (
    <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
      {openLabel}
    </button>
  );
  return (
    <Card {...card} actions={!open && opener}>
      {open && form({ onDone: done, onCancel })}
      {children(open)}
    </Card>
  );
}

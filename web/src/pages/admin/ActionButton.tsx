import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** What the button says while its action runs. */
  busyLabel: ReactNode;
  busy: boolean;
  /** Defaults to busy; set it to hold the button while another action on the page runs. */
  disabled?: boolean;
  onClick: () => void;
  className?: string;
}

/** One page action on its own row: a button that says what it is doing while it runs. */
export function ActionButton({ label, busyLabel, busy, disabled = busy, onClick, className = 'btn btn-secondary' }: Props) {
  return (
    <div className="button-row">
      <button type="button" className={className} onClick={onClick} disabled={disabled}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}

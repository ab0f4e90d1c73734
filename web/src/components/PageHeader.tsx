import type { ReactNode } from 'react';

/** The page's one h1; focusable so moving between pages puts screen-reader users at the top. */
export function PageHeader({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1} className="page-title">
          {title}
        </h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {children && <div className="page-header-actions">{children}</div>}
    </div>
  );
}

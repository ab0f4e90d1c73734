import { type ReactNode, useId } from 'react';

interface CardProps {
  title: ReactNode;
  /** The heading level fits the page outline; cards under a page's h1 use h2. */
  level?: 2 | 3;
  actions?: ReactNode;
  className?: string;
  description?: ReactNode;
  children: ReactNode;
}

/** A titled region of a page (a landmark, named by its heading). */
export function Card({ title, level = 2, actions, className, description, children }: CardProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="card-head">
        <div>
          <Heading id={id} className="card-title">
            {title}
          </Heading>
          {description && <p className="card-description">{description}</p>}
        </div>
        {actions && <div className="card-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

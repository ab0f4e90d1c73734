import type { ReactNode } from 'react';
import { Brand } from './Brand.js';

/** The frame for screens before the app opens: set-up, unlock, sign-in, second factor. */
export function GateLayout({ practiceName, children, wide }: { practiceName?: string | null; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="gate-header">
        <Brand practiceName={practiceName} />
      </header>
      <main id="main" tabIndex={-1} className={wide ? 'gate gate-wide' : 'gate'}>
        {children}
      </main>
      <footer className="gate-footer">
        <p>Records are encrypted on this server. Sign out when you step away.</p>
      </footer>
    </>
  );
}

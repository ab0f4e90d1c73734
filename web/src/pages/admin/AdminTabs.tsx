import { Tabs } from '../../components/Tabs.js';
import { useSession } from '../../session.js';

/**
 * The practice-administration pages share one entry in the main navigation ("Admin") and move
 * between each other here, so the header stays on one line on a laptop screen.
 */
const PAGES = [
  { id: 'team', label: 'Team', href: '/team' },
  { id: 'audit', label: 'Audit log', href: '/audit' },
  { id: 'backups', label: 'Backups', href: '/backups' },
];

/** Only for an admin: the data-protection officer reaches the audit log from the main navigation alone. */
export function AdminTabs({ current }: { current: 'team' | 'audit' | 'backups' }) {
  const { roles } = useSession().user;
  if (!roles.includes('admin')) return null;
  return <Tabs label="Practice administration" tabs={PAGES} current={current} />;
}

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
  { id: 'registers', label: 'Registers', href: '/registers' },
  { id: 'cover', label: 'Cover and supervision', href: '/cover' },
];

export type AdminPage = (typeof PAGES)[number]['id'];

/** Only for an admin: the others reach these pages (audit log, registers, cover) from the main navigation. */
export function AdminTabs({ current }: { current: AdminPage }) {
  const { roles } = useSession().user;
  if (!roles.includes('admin')) return null;
  return <Tabs label="Practice administration" tabs={PAGES} current={current} />;
}

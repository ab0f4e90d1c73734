/**
 * The tabs on a client's record. To add one (consents, requests, letters…), write a component
 * under pages/<feature>/ taking ClientTabContext, and add an entry here: its id becomes the
 * address (/clients/:id/<id>), the first entry is the default. Each tab loads its own data, so
 * opening a tab is the only thing that reads (and audits) it.
 */
import type { ReactNode } from 'react';
import type { ClientRecord } from '../../api.js';
import { AccessHistoryTab } from './AccessHistoryTab.js';
import { RecordTab } from './RecordTab.js';
import { SessionsTab } from './SessionsTab.js';
import { SharedMaterialTab } from '../sharing/SharedMaterialTab.js';
import { ConsentTab } from '../consent/ConsentTab.js';
import { DisclosuresTab } from '../requests/DisclosuresTab.js';
import { DocumentsTab } from '../documents/DocumentsTab.js';

export interface ClientTabContext {
  clientId: string;
  /** Identity and the latest notes, from the one audited "open the record" read. */
  record: ClientRecord;
  /** Read the record again (after writing a note, for instance). */
  reload: () => Promise<void>;
}

export interface ClientTab {
  id: string;
  label: string;
  render: (ctx: ClientTabContext) => ReactNode;
}

export const clientTabs: ClientTab[] = [
  { id: 'record', label: 'Record', render: (c) => <RecordTab {...c} /> },
  { id: 'sessions', label: 'Sessions', render: (c) => <SessionsTab clientId={c.clientId} /> },
  { id: 'documents', label: 'Documents', render: (c) => <DocumentsTab clientId={c.clientId} /> },
  { id: 'consent', label: 'Consent', render: (c) => <ConsentTab clientId={c.clientId} /> },
  { id: 'shared', label: 'Shared material', render: (c) => <SharedMaterialTab clientId={c.clientId} /> },
  { id: 'disclosures', label: 'Disclosures', render: (c) => <DisclosuresTab clientId={c.clientId} /> },
  { id: 'access', label: 'Access history', render: (c) => <AccessHistoryTab clientId={c.clientId} practitionerId={c.record.client.practitionerId} /> },
];

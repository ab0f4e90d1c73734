import { useRef, useState } from 'react';
import { api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate, todayCivil, zoneLabel } from '../../format.js';
import { BookSessionForm } from './BookSessionForm.js';
import { ContactPanel } from './ContactPanel.js';
import { ReferralForm } from './ReferralForm.js';
import { type DiaryClient, type DiaryEntry, MODALITY_LABELS, type Team, addDays, weekStart } from './types.js';
import './diary.css';

const weekday = (day: string) => new Date(day + 'T00:00:00Z').toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

/**
 * Reception's diary: a week of planned sessions (day, time, client by the name the practice
 * chooses, practitioner, room), booking, new referrals, and the contact details each client has
 * agreed to. Nothing clinical is fetched here.
 */
export function DiaryPage() {
  const [from, setFrom] = useState(() => weekStart(todayCivil()));
  const to = addDays(from, 6);
  const [open, setOpen] = useState<'book' | 'referral' | null>(null);
  const [contactFor, setContactFor] = useState<string | null>(null);
  // Closing the contact panel takes the person back to the button that opened it.
  const opener = useRef<HTMLElement | null>(null);
  const openContact = (clientId: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setContactFor(clientId);
  };
  const closeContact = () => {
    setContactFor(null);
    opener.current?.focus();
  };
  const diary = useLoad(() => api.get<DiaryEntry[]>(`/api/diary?from=${from}&to=${to}`), [from]);
  const clients = useLoad(() => api.get<DiaryClient[]>('/api/diary/clients'), []);
  const teams = useLoad(() => api.get<Team[]>('/api/teams'), []);

  const booked = (e: DiaryEntry) => {
    setOpen(null);
    if (e.date >= from && e.date <= to) diary.reload();
    else setFrom(weekStart(e.date));
  };
  const registered = () => {
    setOpen(null);
    clients.reload();
  };

  return (
    <div className="page">
      <PageHeader title="Diary" lead={`Planned sessions, ${civilDate(from)} to ${civilDate(to)}. Times are ${zoneLabel()}.`}>
        <div className="button-row diary-actions">
          <button type="button" className="btn btn-primary" onClick={() => setOpen('book')} disabled={!clients.data}>
            Book a session
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => setOpen('referral')}>
            New referral
          </button>
        </div>
      </PageHeader>
      {open === 'book' && clients.data && <BookSessionForm clients={clients.data} onBooked={booked} onContact={openContact} onCancel={() => setOpen(null)} />}
      {open === 'referral' && <ReferralForm teams={teams.data ?? []} onRegistered={registered} onCancel={() => setOpen(null)} />}
      {contactFor && <ContactPanel clientId={contactFor} onClose={closeContact} />}
      <nav className="toolbar" aria-label="Weeks">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setFrom(addDays(from, -7))}>
          Previous week
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setFrom(weekStart(todayCivil()))}>
          This week
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setFrom(addDays(from, 7))}>
          Next week
        </button>
      </nav>
      <DataTable
        rows={diary.data}
        error={diary.error}
        loadingLabel="Loading the diary…"
        empty="No sessions are planned this week."
        caption={`Planned sessions from ${civilDate(from)} to ${civilDate(to)}`}
        columns={['Day', 'Time', 'Client', 'Practitioner', 'Room', 'How', 'Contact']}
        testId="diary"
        rowKey={(e) => e.id}
        cells={(e) => (
          <>
            <td className="nowrap">
              {weekday(e.date)} {civilDate(e.date)}
            </td>
            <td className="nowrap">
              {e.startTime ?? 'No time set'} for {e.durationMinutes} min
            </td>
            <td>{e.clientName}</td>
            <td>{e.practitionerName ?? 'Not yet assigned'}</td>
            <td>{e.room ?? '—'}</td>
            <td>{MODALITY_LABELS[e.modality]}</td>
            <td>
              <button type="button" className="btn btn-link diary-contact" onClick={() => openContact(e.clientId)} aria-label={`Contact details for ${e.clientName}`}>
                Contact details
              </button>
            </td>
          </>
        )}
      />
    </div>
  );
}

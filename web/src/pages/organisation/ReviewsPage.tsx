import './organisation.css';
import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { DataTable } from '../../components/DataTable.js';
import { TextArea } from '../../components/fields.js';
import { Form } from '../../components/Form.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { useSubmit } from '../../components/useSubmit.js';
import { Link } from '../../router.js';
import { instant } from '../../format.js';
import { useSession } from '../../session.js';
import { type EmergencyAccess, REVIEW_KIND_WORDS, type Review, VERDICT_WORDS } from './labels.js';

const VERDICTS = [
  { value: 'appropriate', label: 'Appropriate', hint: 'The reason and what was opened fit each other.' },
  { value: 'inappropriate', label: 'Not appropriate', hint: 'Follow it up with the person, and consider whether it is a breach.' },
];

/** What the step was, in words, with what the reviewer needs to judge it. */
function Detail({ r, glass }: { r: Review; glass: EmergencyAccess | undefined }) {
  if (r.kind === 'break_glass' && glass) {
    return (
      <>
        <strong>{glass.categoryWords}.</strong> “{glass.reason}” — case {glass.caseCode}, from {instant(glass.startedAt)} to {instant(glass.endedAt ?? glass.expiresAt)}
      </>
    );
  }
  if (r.kind === 'contrary_to_advice') {
    return <>Request {r.requestId ? <Link to={`/requests/${r.requestId}`}>for case {r.caseCode ?? 'not linked'}</Link> : null}: the reasons are on the request.</>;
  }
  if (r.kind === 'self_role_grant') return <>Roles gained: {r.roles.join(', ')}</>;
  return <>Case {r.caseCode ?? 'unknown'}</>;
}

function VerdictForm({ r, onDone }: { r: Review; onDone: () => void }) {
  const [verdict, setVerdict] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const { errors, setField, busy, run } = useSubmit(['verdict', 'notes']);
  const announce = useAnnounce();
  const submit = async () => {
    if (!verdict[0]) return setField('verdict', 'Say whether it was appropriate.');
    if (!notes.trim()) return setField('notes', 'Write a note on why you reached this view.');
    await run(async () => {
      await api.post(`/api/access-reviews/${encodeURIComponent(r.id)}/verdict`, { verdict: verdict[0], notes: notes.trim() });
      announce('Review recorded.');
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} error={errors.form} busy={busy} submitLabel="Record the review" busyLabel="Recording…" aria-label={`Review: ${REVIEW_KIND_WORDS[r.kind]} by ${r.actorName ?? 'a colleague'}`}>
      <ChoiceGroup type="radio" name={`verdict-${r.id}`} legend="Was it appropriate?" options={VERDICTS} values={verdict} onChange={setVerdict} error={errors.fields.verdict} />
      <TextArea name="notes" label="Your notes" hint="What you checked, and any follow-up. Kept with the review; only reviewers see them." rows={3} value={notes} onChange={setNotes} error={errors.fields.notes} />
    </Form>
  );
}

/**
 * The review queue: every emergency access, every decision signed off against the advice, and
 * steps an admin took alone, for someone other than the person who took them. The
 * data-protection officer's and the clinical lead's home.
 */
export function ReviewsPage() {
  const { user } = useSession();
  const [showDone, setShowDone] = useState(false);
  const { data: items, error, reload } = useLoad(() => api.get<Review[]>(`/api/access-reviews?open=${showDone ? 'false' : 'true'}`), [showDone]);
  const canSeeGlass = user.roles.some((r) => r === 'dpo' || r === 'clinical_lead');
  const { data: glass } = useLoad(() => (canSeeGlass ? api.get<EmergencyAccess[]>('/api/break-glass') : Promise.resolve([] as EmergencyAccess[])), [canSeeGlass, items]);
  const [open, setOpen] = useState<string | null>(null);
  const glassOf = (r: Review) => glass?.find((g) => g.id === r.breakGlassId);
  const waiting = (items ?? []).filter((r) => !r.reviewedAt).length;

  return (
    <div className="page">
      <PageHeader title="Reviews" lead={items ? (waiting === 0 ? 'Nothing is waiting for review.' : `${waiting} waiting for review.`) : undefined}>
        <button type="button" className="btn btn-secondary" onClick={() => setShowDone((v) => !v)} aria-pressed={showDone}>
          {showDone ? 'Show only those waiting' : 'Show reviewed too'}
        </button>
      </PageHeader>
      <p>Each emergency access, and each decision signed off against the advice, is reviewed by someone other than the person who took it. Names of clients are not shown here.</p>
      <DataTable
        rows={items}
        error={error}
        loadingLabel="Loading the review queue…"
        empty={showDone ? 'Nothing has been reviewed yet.' : 'Nothing is waiting for review.'}
        columns={['When', 'Who', 'What', 'Details', 'Review']}
        caption="Steps waiting for review"
        testId="review-queue"
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-kind': r.kind })}
        cells={(r) => (
          <>
            <td>{instant(r.at)}</td>
            <td>{r.actorName ?? 'A colleague'}</td>
            <td>{REVIEW_KIND_WORDS[r.kind]}</td>
            <td><Detail r={r} glass={glassOf(r)} /></td>
            <td>
              {r.reviewedAt ? (
                <span>{VERDICT_WORDS[r.verdict ?? 'acknowledged']} — {r.reviewedByName ?? 'a colleague'}, {instant(r.reviewedAt)}{r.notes ? <span className="status-detail">“{r.notes}”</span> : null}</span>
              ) : r.actorId === user.id ? (
                <span className="status-detail">Your own step: someone else reviews it.</span>
              ) : (
                <button type="button" className="btn btn-secondary btn-small" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                  Review<span className="visually-hidden">: {REVIEW_KIND_WORDS[r.kind]} by {r.actorName ?? 'a colleague'}</span>
                </button>
              )}
            </td>
          </>
        )}
      />
      {items?.filter((r) => r.id === open && !r.reviewedAt).map((r) => (
        <Card key={r.id} title={`Review: ${REVIEW_KIND_WORDS[r.kind].toLowerCase()} by ${r.actorName ?? 'a colleague'}`} className="card-form">
          <p><Detail r={r} glass={glassOf(r)} /></p>
          {r.kind === 'self_role_grant' || r.kind === 'self_reassign' ? (
            <button type="button" className="btn btn-primary" onClick={() => void api.post(`/api/access-reviews/${encodeURIComponent(r.id)}/acknowledge`, {}).then(() => { setOpen(null); reload(); })}>
              Mark as reviewed
            </button>
          ) : (
            <VerdictForm r={r} onDone={() => { setOpen(null); reload(); }} />
          )}
        </Card>
      ))}
    </div>
  );
}

import { useCallback, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAnnounce } from '../../components/Status.js';
import { useBusy } from '../../components/useBusy.js';
import { useLoad } from '../../components/useLoad.js';
import { Link, navigate } from '../../router.js';
import { type AddRequest, AddSpanForm } from './AddSpanForm.js';
import { ChangeList } from './ChangeList.js';
import { ShareForm } from './ShareForm.js';
import { type Selection, TextPanes } from './TextPanes.js';
import './sharing.css';
import { type Draft, type ReviewSpan, TYPE_LABELS, countsText } from './types.js';

/** Step 2 and 3: review every change, then answer the residual-risk checklist and share. */
export function ReviewPage({ draftId }: { draftId: string }) {
  const path = `/api/sharing/drafts/${encodeURIComponent(draftId)}`;
  const { data: draft, error: loadError, setData: setDraft } = useLoad(() => api.get<Draft>(path), [path]);
  const [actionError, setActionError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const [selections, setSelections] = useState<Record<number, Selection | null>>({});
  const announce = useAnnounce();
  const error = actionError ?? loadError;
  const failed = (err: unknown) => setActionError(messageOf(err));

  const decide = (s: ReviewSpan, decision: 'accepted' | 'rejected') =>
    run(async () => {
      setDraft(await api.put<Draft>(`${path}/spans/${encodeURIComponent(s.id)}`, { decision }));
      setActionError(null);
      announce(decision === 'accepted' ? `Accepted: “${s.text}” becomes ${s.replacement}.` : `Rejected: “${s.text}” is kept as written.`);
    }, failed);

  const add = async (req: AddRequest): Promise<boolean> => {
    let added = false;
    await run(async () => {
      const before = draft?.parts.flatMap((p) => p.spans).length ?? 0;
      const next = await api.post<Draft>(`${path}/spans`, req);
      setDraft(next);
      setActionError(null);
      const n = next.parts.flatMap((p) => p.spans).length - before;
      announce(`Marked as ${TYPE_LABELS[req.type].toLowerCase()}: ${n} ${n === 1 ? 'place' : 'places'} in the material.`);
      added = true;
    }, failed);
    return added;
  };

  const onSelect = useCallback((part: number) => (s: Selection | null) => setSelections((x) => ({ ...x, [part]: s })), []);
  const [selectHandlers] = useState(() => new Map<number, (s: Selection | null) => void>());
  const handlerFor = (part: number) => {
    if (!selectHandlers.has(part)) selectHandlers.set(part, onSelect(part));
    return selectHandlers.get(part) as (s: Selection | null) => void;
  };

  if (!draft) {
    return (
      <div className="page">
        <PageHeader title="Review anonymised text" />
        {error ? <FormError message={error} /> : <Loading label="Anonymising…" />}
      </div>
    );
  }
  const client = `/clients/${encodeURIComponent(draft.clientId)}`;
  const locked = draft.status !== 'review';
  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Caseload</Link> <span aria-hidden="true">/</span> <Link to={`${client}/shared`}>{draft.caseCode}</Link> <span aria-hidden="true">/</span> <span aria-current="page">Review</span>
      </nav>
      <PageHeader title="Review anonymised text" lead="Every change is highlighted with its type. Accept or reject each one; select anything missed in the original to mark it. Nothing can be shared until every change is reviewed." />
      <FormError message={error} />
      <p className={`review-status${draft.pending ? ' review-status-pending' : ''}`} data-testid="review-status" aria-live="polite">
        {locked ? 'This material has been shared; its review is closed.' : draft.pending > 0 ? `${draft.pending} ${draft.pending === 1 ? 'change' : 'changes'} still to review.` : `Every change reviewed: ${countsText(draft.counts)} replaced.`}
      </p>
      {draft.parts.map((p) => (
        <Card key={p.index} title={p.label} className="part-review">
          <TextPanes original={p.original} spans={p.spans} label={p.label} onSelect={handlerFor(p.index)} />
          <ChangeList spans={p.spans} locked={locked} busy={busy} onDecide={decide} />
          {!locked && <AddSpanForm part={p.index} label={p.label} selection={selections[p.index] ?? null} busy={busy} onAdd={add} />}
        </Card>
      ))}
      {locked && <p><Link to={`${client}/shared`}>See the sharing record on the client’s record</Link></p>}
      {!locked && draft.pending === 0 && <ShareForm draft={draft} onShared={(r) => { announce('Shared and recorded.'); navigate(`/sharing/records/${encodeURIComponent(r.id)}`); }} />}
      {!locked && draft.pending > 0 && (
        <div className="callout callout-warning">
          <p>The residual-risk checklist and the share form appear once every change has been accepted or rejected.</p>
        </div>
      )}
    </div>
  );
}

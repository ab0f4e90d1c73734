import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { ResponseOf } from '../../api/contract.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import { useLoad } from '../../components/useLoad.js';
import { instant } from '../../format.js';
import { ROLE_LABELS } from './types.js';

type Review = ResponseOf<'/api/access-reviews', 'get'>[number];

const what = (r: Review): string =>
  r.kind === 'self_role_grant'
    ? `Gave themselves the ${r.roles.map((x) => (ROLE_LABELS[x] ?? x).toLowerCase()).join(' and ')} role`
    : `Took a client on themselves (case ${r.caseCode ?? 'unknown'})`;

/**
 * Steps an admin took alone that reach clients' notes — allowed only because no other admin could
 * take them — waiting for someone else to look. Nothing shows when there is nothing to review.
 */
/** `refresh`: anything that changes when the team does (a role change may add a step to review). */
export function NeedsReview({ me, refresh, onChanged }: { me: string; refresh?: unknown; onChanged?: () => void }) {
  const { data: items, error: loadError, reload } = useLoad(() => api.get<Review[]>('/api/access-reviews?open=true'), [refresh]);
  const [ackError, setAckError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const announce = useAnnounce();
  const error = ackError ?? loadError;

  const acknowledge = async (r: Review) => {
    setBusy(r.id);
    setAckError(null);
    try {
      await api.post(`/api/access-reviews/${encodeURIComponent(r.id)}/acknowledge`, {});
      announce('Marked as reviewed.');
      reload();
      onChanged?.();
    } catch (err) {
      setAckError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  if (!error && (!items || items.length === 0)) return null;
  return (
    <Card title="Needs review" className="codes-card" description="Steps a colleague took on their own that give them access to clients' notes. Someone other than the person who took the step should check each one was right.">
      <FormError message={error} />
      {items && items.length > 0 && (
        <ul className="review-list" data-testid="needs-review">
          {items.map((r) => (
            <li key={r.id}>
              <span>
                <strong>{r.actorName ?? 'A colleague'}</strong> — {what(r)}
                <span className="status-detail">{instant(r.at)}</span>
              </span>
              {r.actorId === me ? (
                <span className="status-detail">Your own step: another admin reviews it.</span>
              ) : (
                <button type="button" className="btn btn-secondary btn-small" disabled={busy === r.id} onClick={() => void acknowledge(r)}>
                  Mark as reviewed<span className="visually-hidden">: {r.actorName ?? 'a colleague'}, {what(r)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { useEffect, useRef } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/useLoad.js';
import type { ArrangingContact } from './types.js';

/** How to reach one client to arrange a session: only what they have agreed to, read once per opening. */
export function ContactPanel({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const { data, error } = useLoad(() => api.get<ArrangingContact>(`/api/diary/clients/${encodeURIComponent(clientId)}/contact`), [clientId]);
  // The panel opens above the list: take keyboard and screen-reader users to it.
  const here = useRef<HTMLDivElement>(null);
  useEffect(() => here.current?.focus(), [clientId]);
  return (
    <div ref={here} tabIndex={-1}>
      <Card
        title={data ? `Contacting ${data.name}` : 'Contact details'}
        description="Only the ways the client has agreed to be contacted. Keep messages to arrangements: a day, a time, a room."
        actions={
          <button type="button" className="btn btn-secondary btn-small" onClick={onClose}>
            Close
          </button>
        }
      >
        <FormError message={error} />
        {!data && !error && <Loading label="Loading contact details…" />}
        {data && data.channels.length === 0 && (
          <p className="empty-inline" data-testid="no-channels">
            The client has not agreed to be contacted by email, text, phone or post, or has withdrawn that agreement. A new referral agrees once their practitioner records it; until then, ask the practitioner or an admin how to reach them.
          </p>
        )}
        {data && data.channels.length > 0 && (
          <dl className="identity-list" data-testid="contact-channels">
            {data.channels.map((c) => (
              <div key={c.channel}>
                <dt>
                  {c.label}
                  {data.preferredChannel === c.channel && ' (preferred)'}
                </dt>
                <dd>{c.value ?? 'Agreed, but nothing on file'}</dd>
              </div>
            ))}
          </dl>
        )}
      </Card>
    </div>
  );
}

import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { instant } from '../../format.js';
import type { SharedItem } from './types.js';

/** Material shared with the supervisor, newest first: the reviewed anonymised text and the consent behind it. */
export function SharedList({ items, error }: { items: SharedItem[] | null; error: string | null }) {
  return (
    <Card title="Shared with you" description="Anonymised by your supervisees and reviewed by them before sharing. It is not part of any client’s record you can open.">
      <FormError message={error} />
      {!items && !error && <Loading label="Loading shared material…" />}
      {items && items.length === 0 && <p className="empty">Nothing has been shared with you yet.</p>}
      {items && items.length > 0 && (
        <ul className="shared-items" data-testid="shared-items">
          {items.map((s) => (
            <li key={s.id}>
              <article className="shared-item" aria-labelledby={`shared-${s.id}`}>
                <h3 id={`shared-${s.id}`} className="shared-item-title">
                  From {s.superviseeName}, {instant(s.sharedAt)}
                </h3>
                <p className="muted">Consent: {s.consent.words}</p>
                {!s.textIntact && <FormError message="This text no longer matches what was recorded when it was shared." />}
                <div className="supervision-text" data-testid="shared-text">
                  {s.text}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

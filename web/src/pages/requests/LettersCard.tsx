import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useLoad } from '../../components/useLoad.js';
import { LETTER_LABELS, type RequestView } from './types.js';

/** Letters in the practice's own words, as text to copy or a PDF to send. */
export function LettersCard({ view }: { view: RequestView }) {
  const [kind, setKind] = useState<string | null>(null);
  const base = `/api/requests/${encodeURIComponent(view.id)}/letters`;
  const { data: letter, error } = useLoad(() => (kind ? api.get<{ kind: string; title: string; text: string }>(`${base}/${kind}`) : Promise.resolve(null)), [base, kind]);
  return (
    <Card title="Letters" description="The decline and the request for a legal instrument never mention the client, or whether they are one.">
      <div className="button-row">
        {Object.entries(LETTER_LABELS).map(([k, label]) => (
          <button key={k} type="button" className="btn btn-secondary" aria-pressed={kind === k} onClick={() => setKind(k)}>{label}</button>
        ))}
      </div>
      <FormError message={error} />
      {letter && (
        <section aria-label={letter.title}>
          <h3>{letter.title}</h3>
          <div className="letter-text" data-testid="letter-text" tabIndex={0}>{letter.text}</div>
          <p><a className="btn btn-link" href={`${base}/${letter.kind}/pdf`} download>Download as PDF<span className="visually-hidden">: {letter.title}</span></a></p>
        </section>
      )}
    </Card>
  );
}

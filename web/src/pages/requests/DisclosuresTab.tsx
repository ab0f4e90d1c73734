import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { Field } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { Loading } from '../../components/Loading.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';
import type { ResponseOf } from '../../api/contract.js';
import './requests.css';

type Accounting = ResponseOf<'/api/clients/{id}/disclosures', 'get'>;

/** The accounting of disclosures for one client, over any period (six years back by default). */
export function DisclosuresTab({ clientId }: { clientId: string }) {
  const [data, setData] = useState<Accounting | null>(null);
  const [range, setRange] = useState({ from: '', to: '' });
  const [error, setError] = useState<string | null>(null);
  const base = `/api/clients/${encodeURIComponent(clientId)}/disclosures`;
  const query = (r: { from: string; to: string }) => new URLSearchParams(Object.entries(r).filter(([, v]) => v)).toString();
  const load = useCallback(async (r: { from: string; to: string }) => {
    try {
      const a = await api.get<Accounting>(`${base}${query(r) ? `?${query(r)}` : ''}`);
      setData(a);
      setRange(a.period);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [base]);
  useEffect(() => {
    void load({ from: '', to: '' });
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(range);
  };
  return (
    <Card title="Accounting of disclosures" description="Everything disclosed from this record: when, to whom, what, why and on what legal basis.">
      <form className="toolbar" onSubmit={submit}>
        <Field label="From">{(p) => <input {...p} type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />}</Field>
        <Field label="To">{(p) => <input {...p} type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />}</Field>
        <button type="submit" className="btn btn-secondary">Show</button>
        {data && <a className="btn btn-link" href={`${base}/pdf?${query(data.period)}`} download>Download as PDF</a>}
        {data && <a className="btn btn-link" href={`${base}?${query(data.period)}`} download="accounting-of-disclosures.json">Download as JSON</a>}
      </form>
      <FormError message={error} />
      {!data && !error && <Loading />}
      {data && data.disclosures.length === 0 && <p className="empty">No disclosures between {civilDate(data.period.from)} and {civilDate(data.period.to)}.</p>}
      {data && data.disclosures.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Disclosures from {civilDate(data.period.from)} to {civilDate(data.period.to)}</caption>
            <thead>
              <tr><th scope="col">Date</th><th scope="col">Recipient</th><th scope="col">What</th><th scope="col">Purpose</th><th scope="col">Legal basis</th></tr>
            </thead>
            <tbody>
              {data.disclosures.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap"><Link to={`/requests/${encodeURIComponent(d.requestId)}`}>{civilDate(d.disclosedOn)}</Link></td>
                  <td>{d.recipient}</td>
                  <td>{d.what}</td>
                  <td>{d.purpose}</td>
                  <td>{d.legalBasis}{d.restricted && <div><span className="badge badge-protected">Hidden from the client</span></div>}{d.contraryToAdvice && <div><span className="badge badge-contrary">Decided contrary to the advice</span></div>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

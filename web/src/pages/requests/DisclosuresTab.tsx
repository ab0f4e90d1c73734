import { useState } from 'react';
import { api } from '../../api.js';
import { Card } from '../../components/Card.js';
import { DataTable } from '../../components/DataTable.js';
import { TextField } from '../../components/fields.js';
import { useLoad } from '../../components/useLoad.js';
import { civilDate } from '../../format.js';
import { Link } from '../../router.js';
import type { ResponseOf } from '../../api/contract.js';
import './requests.css';

type Accounting = ResponseOf<'/api/clients/{id}/disclosures', 'get'>;
type Period = { from: string; to: string };

const query = (r: Period) => new URLSearchParams(Object.entries(r).filter(([, v]) => v)).toString();

/** The accounting of disclosures for one client, over any period (six years back by default). */
export function DisclosuresTab({ clientId }: { clientId: string }) {
  const base = `/api/clients/${encodeURIComponent(clientId)}/disclosures`;
  // The period asked for (empty: the server's default), and the one being typed into the fields.
  const [asked, setAsked] = useState<Period>({ from: '', to: '' });
  const [range, setRange] = useState<Period>(asked);
  const { data, error, reload } = useLoad(
    () => api.get<Accounting>(`${base}${query(asked) ? `?${query(asked)}` : ''}`).then((a) => { setRange(a.period); return a; }),
    [base, asked.from, asked.to],
  );
  const show = () => {
    if (range.from === asked.from && range.to === asked.to) reload();
    else setAsked(range);
  };
  return (
    <Card title="Accounting of disclosures" description="Everything disclosed from this record: when, to whom, what, why and on what legal basis.">
      <form className="toolbar disclosures-toolbar" onSubmit={(e) => { e.preventDefault(); show(); }}>
        <TextField label="From" name="from" type="date" value={range.from} onChange={(from) => setRange({ ...range, from })} />
        <TextField label="To" name="to" type="date" value={range.to} onChange={(to) => setRange({ ...range, to })} />
        <button type="submit" className="btn btn-secondary">Show</button>
        {data && <a className="btn btn-link" href={`${base}/pdf?${query(data.period)}`} download>Download as PDF</a>}
        {data && <a className="btn btn-link" href={`${base}?${query(data.period)}`} download="accounting-of-disclosures.json">Download as JSON</a>}
      </form>
      <DataTable
        rows={data?.disclosures ?? null}
        error={error}
        empty={data && `No disclosures between ${civilDate(data.period.from)} and ${civilDate(data.period.to)}.`}
        caption={data && `Disclosures from ${civilDate(data.period.from)} to ${civilDate(data.period.to)}`}
        columns={['Date', 'Recipient', 'What', 'Purpose', 'Legal basis']}
        rowKey={(d) => d.id}
        cells={(d) => (
          <>
            <td className="nowrap"><Link to={`/requests/${encodeURIComponent(d.requestId)}`}>{civilDate(d.disclosedOn)}</Link></td>
            <td>{d.recipient}</td>
            <td>{d.what}</td>
            <td>{d.purpose}</td>
            <td>{d.legalBasis}{d.restricted && <div><span className="badge badge-protected">Hidden from the client</span></div>}{d.contraryToAdvice && <div><span className="badge badge-contrary">Decided contrary to the advice</span></div>}</td>
          </>
        )}
      />
    </Card>
  );
}

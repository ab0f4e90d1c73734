import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import type { ExportStatus } from './types.js';

/**
 * Make the client's copy — a PDF to read and a ZIP of the same records as data, both opening with
 * one passphrase on any computer — follow its progress and download the two files. The
 * passphrase is shown once, with how to hand it over.
 */
export function ExportCard({ requestId }: { requestId: string }) {
  const [job, setJob] = useState<{ exportId: string; passphrase: string } | null>(null);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const announce = useAnnounce();

  useEffect(() => {
    if (!job || status?.status === 'ready' || status?.status === 'failed') return;
    const t = window.setTimeout(() => {
      api.get<ExportStatus>(`/api/sar/exports/${encodeURIComponent(job.exportId)}`).then((s) => {
        setStatus(s);
        if (s.status === 'ready') announce('The client’s copy is ready: download the two files.');
        if (s.status === 'failed') setError(s.message ?? 'The export could not be made. Nothing was sent; please try again.');
      }, (e) => setError(messageOf(e)));
    }, 400);
    return () => window.clearTimeout(t);
  }, [job, status, announce]);

  const start = async () => {
    setError(null);
    setStatus(null);
    try {
      setJob(await api.post<{ exportId: string; passphrase: string }>(`/api/sar/requests/${encodeURIComponent(requestId)}/exports`, { format: 'client' }));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Card title="Copy for the client" description="Two files the client can open on any computer: the records as a PDF to read and print, and the same records as data (JSON and FHIR R4) in a ZIP. Both are encrypted (AES-256) and open with one passphrase.">
      <FormError message={error} />
      {(!job || status?.status === 'failed') && (
        <button type="button" className="btn btn-primary" onClick={start}>
          {job ? 'Start again' : 'Prepare the client’s copy'}
        </button>
      )}
      {job && status?.status !== 'failed' && (
        <>
          <div className="passphrase-box">
            <h3 id="passphrase-heading">Passphrase for the client</h3>
            <p className="passphrase" data-testid="export-passphrase" aria-labelledby="passphrase-heading">{job.passphrase}</p>
            <p>
              Read it to the client by phone or give it in person — never in the same email, message or envelope as the files. It is shown only now:
              Sanctum keeps no copy, so write it where the client will see it and nobody else will, or make a new copy later.
            </p>
          </div>
          {(!status || status.status === 'queued') && (
            <p role="status">Waiting to start: the practice makes at most two exports at a time, and this one starts as soon as a place is free.</p>
          )}
          {status?.status === 'running' && (
            <p>
              <label htmlFor="export-progress">Preparing: {status.stage} ({status.percent}%)</label>
              <br />
              <progress id="export-progress" className="progress" max={100} value={status.percent} />
            </p>
          )}
          {status?.status === 'ready' && (
            <>
              <ul className="download-list">
                <li>
                  <a className="btn btn-primary" href={`/api/sar/exports/${encodeURIComponent(job.exportId)}/download?file=pdf`} download>
                    Download the records (PDF)
                  </a>{' '}
                  <span className="muted">opens in any PDF reader, which asks for the passphrase</span>
                </li>
                <li>
                  <a className="btn" href={`/api/sar/exports/${encodeURIComponent(job.exportId)}/download?file=data`} download>
                    Download the records as data (ZIP)
                  </a>{' '}
                  <span className="muted">opens with 7-Zip, Keka, WinZip or any tool for encrypted ZIP files</span>
                </li>
              </ul>
              {status.withheld > 0 && <p className="muted">Information withheld in {status.withheld} {status.withheld === 1 ? 'note or letter' : 'notes or letters'}, each listed with its ground at the end of the PDF.</p>}
            </>
          )}
        </>
      )}
    </Card>
  );
}

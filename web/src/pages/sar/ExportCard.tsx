import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Card } from '../../components/Card.js';
import { FormError } from '../../components/FormError.js';
import { useAnnounce } from '../../components/Status.js';
import type { ExportStatus } from './types.js';

/** Generate the sealed export, follow its progress, download it; the passphrase is shown once. */
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
        if (s.status === 'ready') announce('The export is ready to download.');
        if (s.status === 'failed') setError(s.message ?? 'The export could not be made. Nothing was sent; please try again.');
      }, (e) => setError(messageOf(e)));
    }, 400);
    return () => window.clearTimeout(t);
  }, [job, status, announce]);

  const start = async () => {
    setError(null);
    setStatus(null);
    try {
      setJob(await api.post<{ exportId: string; passphrase: string }>(`/api/sar/requests/${encodeURIComponent(requestId)}/exports`, {}));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <Card title="Export" description="A readable PDF, the same records as JSON and as a FHIR R4 Bundle, zipped and encrypted with a passphrase.">
      <FormError message={error} />
      {(!job || status?.status === 'failed') && (
        <button type="button" className="btn btn-primary" onClick={start}>
          {job ? 'Start the export again' : 'Generate export'}
        </button>
      )}
      {job && status?.status !== 'failed' && (
        <>
          <p>
            Passphrase for the client — give it to them by a different route from the file (for example by phone), and keep no copy:
            <br />
            <span className="passphrase" data-testid="export-passphrase">{job.passphrase}</span>
          </p>
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
            <p>
              <a className="btn btn-primary" href={`/api/sar/exports/${encodeURIComponent(job.exportId)}/download`} download>
                Download export ({Math.round((status.sizeBytes ?? 0) / 1024)} KB)
              </a>{' '}
              {status.withheld > 0 && <span className="muted">Information withheld in {status.withheld} {status.withheld === 1 ? 'note or letter' : 'notes or letters'}, each listed with its ground.</span>}
            </p>
          )}
        </>
      )}
    </Card>
  );
}

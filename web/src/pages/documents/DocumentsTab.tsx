import { api } from '../../api.js';
import { DataTable } from '../../components/DataTable.js';
import { FormCard } from '../../components/FormCard.js';
import { useLoad } from '../../components/useLoad.js';
import { authorName, useStaffNames } from '../../components/useStaffNames.js';
import { instant } from '../../format.js';
import { type DocumentMeta, KIND_LABELS, fileSize } from './types.js';
import { UploadDocumentForm } from './UploadDocumentForm.js';
import './documents.css';

/** Letters, reports and attachments on a client's record: listed by their metadata, downloaded only. */
export function DocumentsTab({ clientId }: { clientId: string }) {
  const { data: docs, error, refresh } = useLoad(async () => {
    const list = await api.get<DocumentMeta[]>(`/api/clients/${encodeURIComponent(clientId)}/documents`);
    return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [clientId]);
  const names = useStaffNames();

  return (
    <FormCard
      title="Documents"
      description="Letters, reports and attachments, encrypted like notes. They open only as downloads, never inside Sanctum."
      openLabel="Upload a document"
      form={(p) => <UploadDocumentForm clientId={clientId} {...p} />}
      onDone={refresh}
      focusAfter='[data-testid="documents"] tbody a'
    >
      {(uploading) => (
        <DataTable
          rows={docs}
          error={error}
          loadingLabel="Loading documents…"
          empty={uploading ? null : 'No documents yet.'}
          emptyClassName="empty-inline"
          className="table table-compact"
          testId="documents"
          caption="Documents, newest first"
          columns={['Title', 'Kind', 'Added', 'Size', <span className="visually-hidden">Download</span>]}
          rowKey={(d) => d.id}
          cells={(d) => (
            <>
              <th scope="row">
                <span className="doc-title">{d.title}</span>
                {d.title !== d.fileName && <span className="doc-file">{d.fileName}</span>}
              </th>
              <td>{KIND_LABELS[d.kind] ?? d.kind}</td>
              <td>
                <span className="nowrap">{instant(d.createdAt)}</span>
                {authorName(names, d.createdBy) && <span className="doc-file">by {authorName(names, d.createdBy)}</span>}
              </td>
              <td className="nowrap">{fileSize(d.sizeBytes)}</td>
              <td>
                <a className="btn btn-secondary btn-small" href={`/api/documents/${encodeURIComponent(d.id)}/content`} download={d.fileName}>
                  Download<span className="visually-hidden"> {d.title}</span>
                </a>
              </td>
            </>
          )}
        />
      )}
    </FormCard>
  );
}

/** The machine-readable package: plain JSON, redactions applied, a summary of what was withheld and why. */
import type { ExportView } from './export.view.js';
import { textOf } from './export.view.js';

export const JSON_FORMAT = 'sanctum-subject-access/1';

export function exportJson(v: ExportView, generatedAt: string) {
  const { a } = v;
  return {
    format: JSON_FORMAT,
    generatedAt,
    practice: a.practice,
    request: { id: a.request.id, right: a.request.right, regime: a.request.regime, receivedOn: a.request.receivedOn, dueOn: a.request.currentDueOn },
    client: { caseCode: a.client.caseCode, openedAt: a.client.openedAt, closedAt: a.client.closedAt, identity: a.client.identity },
    sessions: a.sessions.map((s) => ({ id: s.id, date: s.date, durationMinutes: s.durationMinutes, modality: s.modality, attendance: s.attendance, jointSession: s.jointWith > 0 })),
    notes: a.notes.map((n) => ({
      id: n.id, kind: n.kind, status: n.status, sessionId: n.sessionId, createdAt: n.createdAt, signedAt: n.signedAt, text: textOf(v, n.id, n.text),
      addenda: n.addenda.map((ad) => ({ id: ad.id, createdAt: ad.createdAt, text: textOf(v, ad.id, ad.text) })),
    })),
    processNotes: a.excludedProcessNotes ? { excluded: a.excludedProcessNotes, reason: a.request.regime === 'hipaa' ? 'psychotherapy notes are outside the HIPAA right of access (45 CFR §164.524(a)(1)(i))' : 'an exemption was recorded' } : { excluded: 0 },
    documents: a.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, fileName: d.fileName, mediaType: d.mediaType, createdAt: d.createdAt, ...(d.text !== null ? { text: textOf(v, d.id, d.text) } : { base64: d.base64 }) })),
    consents: a.consents.items,
    disclosures: a.disclosures.items,
    accessLog: a.accessLog,
    withheld: { summary: v.grounds, items: v.withheld },
  };
}

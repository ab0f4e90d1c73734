/**
 * A FHIR R4 Bundle (type "collection") of the export: Patient, Encounter per session,
 * DocumentReference per note, addendum and letter (redactions applied), Consent, AuditEvent per
 * access and per disclosure, and a Provenance over the documents.
 */
import type { ExportView } from './export.view.js';
import { textOf } from './export.view.js';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const ref = (r: Resource) => ({ reference: `urn:uuid:${r.id}` });
/** FHIR instants need seconds and a zone; civil dates stay dates. */
const instant = (s: string) => (s.length === 10 ? `${s}T00:00:00Z` : s);
const MODALITY_CLASS: Record<string, { code: string; display: string }> = {
  in_person: { code: 'AMB', display: 'ambulatory' },
  video: { code: 'VR', display: 'virtual' },
  phone: { code: 'VR', display: 'virtual' },
  text: { code: 'VR', display: 'virtual' },
};

export function exportFhir(v: ExportView, generatedAt: string, newId: () => string): Record<string, unknown> {
  const { a } = v;
  const resources: Resource[] = [];
  const id = a.client.identity;
  const patient: Resource = {
    resourceType: 'Patient', id: newId(),
    identifier: [{ system: 'urn:sanctum:case-code', value: a.client.caseCode }],
    name: [{ text: id.name }],
    ...(id.dob ? { birthDate: id.dob } : {}),
    ...(id.email || id.phone ? { telecom: [...(id.email ? [{ system: 'email', value: id.email }] : []), ...(id.phone ? [{ system: 'phone', value: id.phone }] : [])] } : {}),
    ...(id.address ? { address: [{ text: id.address }] } : {}),
  };
  resources.push(patient);

  // FHIR R4 has no "did not attend": a missed session, like a cancelled one, is cancelled.
  const encounterStatus = (attendance: string): string => (attendance === 'attended' ? 'finished' : attendance === 'planned' ? 'planned' : 'cancelled');
  const encounters = new Map<string, Resource>();
  for (const s of a.sessions) {
    const enc: Resource = {
      resourceType: 'Encounter', id: newId(), status: encounterStatus(s.attendance),
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', ...(MODALITY_CLASS[s.modality] ?? MODALITY_CLASS.in_person) },
      type: [{ text: s.jointWith > 0 ? 'Joint therapy session' : 'Therapy session' }],
      subject: ref(patient), period: { start: s.date }, length: { value: s.durationMinutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
    };
    encounters.set(s.id, enc);
    resources.push(enc);
  }

  const docs: Resource[] = [];
  const doc = (title: string, text: string, date: string, extra: Record<string, unknown> = {}): Resource => {
    const r: Resource = {
      resourceType: 'DocumentReference', id: newId(), status: 'current', type: { text: title }, subject: ref(patient), date: instant(date), description: title,
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: b64(text), title } }], ...extra,
    };
    docs.push(r);
    return r;
  };
  for (const n of a.notes) {
    const enc = n.sessionId ? encounters.get(n.sessionId) : undefined;
    const note = doc(n.kind === 'process' ? 'Process note' : 'Progress note', textOf(v, n.id, n.text), n.createdAt, {
      docStatus: n.status === 'signed' ? 'final' : 'preliminary', ...(enc ? { context: { encounter: [ref(enc)] } } : {}),
    });
    for (const ad of n.addenda) doc('Addendum', textOf(v, ad.id, ad.text), ad.createdAt, { docStatus: 'amended', relatesTo: [{ code: 'appends', target: ref(note) }] });
  }
  for (const d of a.documents) {
    const text = d.text !== null ? textOf(v, d.id, d.text) : null;
    docs.push({
      resourceType: 'DocumentReference', id: newId(), status: 'current', type: { text: d.kind }, subject: ref(patient), date: instant(d.createdAt), description: d.title,
      content: [{ attachment: text !== null ? { contentType: 'text/plain; charset=utf-8', data: b64(text), title: d.title } : { contentType: d.mediaType, data: d.base64 ?? '', title: d.title } }],
    });
  }
  if (v.withheld.length) doc('Summary of information withheld', v.grounds.map((g) => `${g.count} × ${g.reason}`).join('\n'), generatedAt);
  resources.push(...docs);

  for (const c of a.consents.items) {
    resources.push({
      resourceType: 'Consent', id: newId(), status: c.status === 'withdrawn' ? 'inactive' : 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }], text: c.title },
      category: [{ text: c.title }], patient: ref(patient), ...(c.date ? { dateTime: instant(c.date) } : {}),
    });
  }
  for (const d of a.disclosures.items) {
    resources.push({
      resourceType: 'AuditEvent', id: newId(),
      type: { system: 'http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle', code: 'disclose', display: 'Disclose Record Lifecycle Event' },
      recorded: instant(d.date || generatedAt), outcome: '0', purposeOfEvent: [{ text: d.purpose }],
      agent: [{ who: { display: d.recipient }, requestor: false }], source: { observer: { display: a.practice.name || 'Sanctum' } }, entity: [{ what: ref(patient) }],
    });
  }
  for (const e of a.accessLog) {
    resources.push({
      resourceType: 'AuditEvent', id: newId(),
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
      subtype: [{ system: 'urn:sanctum:audit-action', code: e.action, display: e.description }],
      recorded: e.at, outcome: e.outcome === 'ok' ? '0' : '4', ...(e.purpose ? { purposeOfEvent: [{ text: e.purpose }] } : {}),
      agent: [{ who: { display: e.who }, requestor: true }], source: { observer: { display: 'Sanctum' } }, entity: [{ what: ref(patient) }],
    });
  }
  resources.push({
    resourceType: 'Provenance', id: newId(), target: [ref(patient), ...docs.map(ref)], recorded: generatedAt,
    activity: { text: 'Subject access export' }, agent: [{ who: { display: a.practice.name || 'Sanctum' } }],
  });
  return { resourceType: 'Bundle', id: newId(), type: 'collection', timestamp: generatedAt, entry: resources.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: r })) };
}

import type { ApiClient } from '../support/api.js';

export const tvResearcher = {
  requesterType: 'media',
  requester: { name: 'Sally Producer', organisation: 'Brightside Television', role: 'Researcher', verifiedHow: 'Email only' },
  asks: 'contact_clients',
  asked: 'Wants to talk to couples where one partner had an affair, for a programme.',
  authority: 'none',
};

export const policeNoOrder = (clientId: string) => ({
  requesterType: 'police',
  requester: { name: 'DC Sam Hughes', organisation: 'Metropolitan Police', role: 'Detective Constable', verifiedHow: 'Called the station switchboard back' },
  asks: 'records',
  asked: 'Copies of all session notes about the client for an investigation.',
  authority: 'none',
  clientId,
});

export const courtOrder = (clientId: string) => ({
  requesterType: 'court',
  requester: { name: 'Court Manager', organisation: 'Family Court at Bristol', role: 'Court office', verifiedHow: 'Sealed order checked with the court office' },
  asks: 'records',
  asked: 'Order for attendance records and notes from March to May.',
  authority: 'court_order',
  clientId,
  dueOn: '2026-11-20',
});

export async function newClient(api: ApiClient, name = 'Jordan Avery', dob = '1988-04-12'): Promise<{ id: string; caseCode: string }> {
  const r = await api.post('/api/clients', { name, dob });
  if (r.statusCode !== 201) throw new Error(r.body);
  return r.json() as { id: string; caseCode: string };
}

export async function logged(api: ApiClient, body: unknown): Promise<string> {
  const r = await api.post('/api/requests', body);
  if (r.statusCode !== 201) throw new Error(r.body);
  return (r.json() as { id: string }).id;
}

export interface View {
  status: string;
  basis: string;
  restricted: boolean;
  consent: string;
  triage: { basis: string; recommendation: string; steps: string[]; reasons: { rule: string; source: string }[]; mustNotInformClient: boolean };
  checklist: { step: string; bySignOff: boolean; latest: null | { name: string; advice: string; recordedByName: string } }[];
  decision: null | { outcome: string; status: string; reasons: string; factors: string[] };
  addenda: { text: string }[];
  restrictionEvents: { action: string; reason: string }[];
  requester: { name: string; organisation: string };
}

export const view = async (api: ApiClient, id: string) => (await api.get(`/api/requests/${id}`)).json() as View;

/** Record every checklist step a request still needs (the supervisor with advice, and so on). */
export async function completeChecklist(api: ApiClient, id: string): Promise<void> {
  const v = await view(api, id);
  for (const item of v.checklist) {
    if (item.bySignOff || item.latest) continue;
    const body: Record<string, unknown> = { step: item.step, date: '2026-11-01', name: 'Dr Ruth Ellis', advice: 'Disclose only what is required.', source: 'Insurer legal helpline', outcome: 'Done', note: 'Done' };
    if (item.step === 'assess_capacity') body.capable = true;
    const r = await api.post(`/api/requests/${id}/steps`, body);
    if (r.statusCode !== 201) throw new Error(r.body);
  }
}

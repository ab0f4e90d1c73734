import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../test/support/api.js';

/** The text of a PDF as pdftotext reads it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'retention-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A client with sessions on the given dates and a note, optionally closed. */
export async function clientWithHistory(api: ApiClient, opts: { name: string; dob?: string; sessions: string[]; note?: string; close?: boolean }): Promise<{ id: string; caseCode: string }> {
  const res = await api.post('/api/clients', { name: opts.name, ...(opts.dob ? { dob: opts.dob } : {}) });
  if (res.statusCode !== 201) throw new Error(`client: ${res.body}`);
  const c = res.json() as { id: string; caseCode: string };
  for (const date of opts.sessions) {
    const s = await api.post(`/api/clients/${c.id}/sessions`, { date, durationMinutes: 50, modality: 'in_person', attendance: 'attended' });
    if (s.statusCode !== 201) throw new Error(`session: ${s.body}`);
  }
  if (opts.note) await api.post(`/api/clients/${c.id}/notes`, { kind: 'process', text: opts.note });
  if (opts.close !== false) {
    const r = await api.post(`/api/clients/${c.id}/status`, { status: 'closed' });
    if (r.statusCode !== 204) throw new Error(`close: ${r.body}`);
  }
  return c;
}

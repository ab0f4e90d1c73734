import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../test/support/api.js';
import type { TestContext } from '../../../test/support/context.js';

/** Small factories for the consent tests: a client, a prepared agreement, a signature. */
export async function addClient(api: ApiClient, body: Record<string, string> = { name: 'Jordan Avery', dob: '1988-04-12' }): Promise<string> {
  const res = await api.post('/api/clients', body);
  if (res.statusCode !== 201) throw new Error(`client: ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function prepare(api: ApiClient, clientId: string, body: Record<string, unknown> = {}): Promise<{ id: string; documentHash: string; templateKey: string; version: number }> {
  const res = await api.post(`/api/clients/${clientId}/consent/agreements`, body);
  if (res.statusCode !== 201) throw new Error(`prepare: ${res.body}`);
  return res.json() as { id: string; documentHash: string; templateKey: string; version: number };
}

export const signBody = (channels: Record<string, boolean> = { email: true, sms: true, phone: false, video: true }, extra: Record<string, unknown> = {}) => ({
  signature: { name: 'Jordan Avery', method: 'typed' },
  choices: { records: true, supervision: true, channels },
  ...extra,
});

export const capable = { hasCapacity: true, reasons: 'Understood and weighed the agreement, asked sensible questions about supervision.' };

export async function auditActions(ctx: TestContext, action: string): Promise<{ outcome: string; details: Record<string, unknown> | null; actor_id: string | null }[]> {
  const rows = await ctx.db.kysely.selectFrom('audit_log').select(['outcome', 'details', 'actor_id']).where('action', '=', action).orderBy('seq').execute();
  return rows.map((r) => ({ outcome: r.outcome, actor_id: r.actor_id, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}

/** The text of a PDF as pdftotext reads it (poppler is installed on the build machines). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'consent-pdf-'));
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

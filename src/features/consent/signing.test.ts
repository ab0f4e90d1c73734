import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../test/support/api.js';
import { usePractice } from '../../../test/support/practice.js';
import { auditActions, capable, pdfText, prepare, signBody } from './consent.test-helpers.js';

describe('signing an agreement', () => {
  const p = usePractice({ client: { name: 'Jordan Avery', dob: '1988-04-12' } });

  it('signs through a single-use link without an account, then refuses a second use', async () => {
    const a = await prepare(p.api, p.clientId);
    expect(a.templateKey).toBe('GB-ENG/private/adult');
    const link = (await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${a.id}/link`)).json() as { token: string; path: string; expiresAt: string };
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBe('2026-11-09T10:00:31.000Z');
    const stored = await p.ctx.db.kysely.selectFrom('signing_links').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(link.token);

    const visitor = new ApiClient(p.api.app);
    const view = await visitor.get(`/api/sign/${link.token}`);
    expect(view.statusCode).toBe(200);
    const v = view.json() as { practiceName: string; documentHash: string; limits: { kind: string; text?: string }[]; channels: { channel: string }[] };
    expect(v.practiceName).toBe('Riverside Counselling');
    expect(v.documentHash).toBe(a.documentHash);
    expect(v.limits[0]).toMatchObject({ kind: 'heading', text: 'The limits of confidentiality' });
    expect(v.channels.map((c) => c.channel)).toEqual(['email', 'sms', 'phone', 'video']);
    expect(view.body).not.toContain('Jordan');

    const signed = await visitor.post(`/api/sign/${link.token}`, signBody());
    expect(signed.statusCode).toBe(201);
    const again = await visitor.post(`/api/sign/${link.token}`, signBody());
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: { code: 'gone' } });
    expect((await visitor.get(`/api/sign/${link.token}`)).statusCode).toBe(410);

    const pdf = await visitor.call('GET', `/api/sign/${link.token}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const status = (await p.api.get(`/api/clients/${p.clientId}/consent`)).json() as { agreement: { status: string; signedVia: string; signature: { name: string } }; allowedChannels: string[] };
    expect(status.agreement).toMatchObject({ status: 'signed', signedVia: 'link', signature: { name: 'Jordan Avery' } });
    expect(status.allowedChannels).toEqual(['email', 'sms', 'video']);

    const refusals = await auditActions(p.ctx, 'consent.link.refused');
    expect(refusals.map((r) => r.details?.reason)).toEqual(['used', 'used']);
    expect(refusals.every((r) => r.outcome === 'denied')).toBe(true);
    expect((await auditActions(p.ctx, 'consent.sign'))[0].details).toMatchObject({ via: 'link', documentHash: a.documentHash, channels: ['email', 'sms', 'video'] });
    expect(await auditActions(p.ctx, 'consent.link.open')).toHaveLength(1);
    expect(await auditActions(p.ctx, 'consent.link.use')).toHaveLength(1);
  });

  it('refuses guessed and expired links with a clear answer and an audit entry', async () => {
    const a = await prepare(p.api, p.clientId);
    const link = (await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${a.id}/link`)).json() as { token: string };
    const visitor = new ApiClient(p.api.app);
    const guess = await visitor.get(`/api/sign/${'A'.repeat(43)}`);
    expect(guess.statusCode).toBe(404);
    expect((guess.json() as { error: { message: string } }).error.message).toMatch(/not valid/);
    expect((await visitor.get('/api/sign/short')).statusCode).toBe(404);

    p.ctx.clock.advance(7 * 86_400_000 + 1000);
    const expired = await visitor.post(`/api/sign/${link.token}`, signBody());
    expect(expired.statusCode).toBe(410);
    expect((expired.json() as { error: { message: string } }).error.message).toMatch(/expired/);
    const reasons = (await auditActions(p.ctx, 'consent.link.refused')).map((r) => r.details?.reason);
    expect(reasons).toEqual(['unknown', 'unknown', 'expired']);
    expect(await auditActions(p.ctx, 'consent.sign')).toHaveLength(0);
  });

  it('stops a link when a newer agreement replaces the unsigned one', async () => {
    const first = await prepare(p.api, p.clientId);
    const link = (await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${first.id}/link`)).json() as { token: string };
    await prepare(p.api, p.clientId, { setting: 'organisation' });
    const res = await new ApiClient(p.api.app).get(`/api/sign/${link.token}`);
    expect(res.statusCode).toBe(410);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/replaced/);
  });

  it('rate-limits attempts from one source', async () => {
    const visitor = new ApiClient(p.api.app);
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await visitor.get(`/api/sign/${'B'.repeat(43)}`)).statusCode;
    expect(last).toBe(429);
    expect((await auditActions(p.ctx, 'consent.link.refused')).at(-1)?.details?.reason).toBe('rate_limited');
  });

  it('answers 503 sealed on the public routes while the vault is locked', async () => {
    p.ctx.vault.seal();
    const res = await new ApiClient(p.api.app).get(`/api/sign/${'C'.repeat(43)}`);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'sealed' } });
  });

  it('signs in person with a drawn signature and produces a PDF with the channels, the limits and the hashes in an appendix', async () => {
    const a = await prepare(p.api, p.clientId);
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const noCapacity = await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${a.id}/sign`, { ...signBody(), signature: { name: 'Jordan Avery', method: 'drawn', image: png } });
    expect(noCapacity.statusCode).toBe(400);
    const res = await p.api.post(`/api/clients/${p.clientId}/consent/agreements/${a.id}/sign`, { ...signBody({ email: true, sms: false, phone: true, video: false }), signature: { name: 'Jordan Avery', method: 'drawn', image: png }, capacity: capable });
    expect(res.statusCode).toBe(200);
    const sigRow = await p.ctx.db.kysely.selectFrom('consent_signatures').selectAll().executeTakeFirstOrThrow();
    expect(sigRow.name_enc).not.toContain('Jordan');
    expect(sigRow.image_enc).not.toContain('iVBOR');

    const pdf = await p.api.call('GET', `/api/clients/${p.clientId}/consent/agreements/${a.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).not.toContain('Jordan');
    const text = pdfText(pdf.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(a.documentHash);
    const version = (await p.ctx.db.kysely.selectFrom('agreement_versions').select('content_hash').where('template_key', '=', 'GB-ENG/private/adult').executeTakeFirstOrThrow()).content_hash;
    expect(flat).toContain(version);
    expect(flat).toContain('Chosen channels: Email, Phone call');
    expect(flat).toContain('The limits of confidentiality');
    expect(flat).toContain('Terrorism Act 2000');
    expect(flat).toContain('Drawn by hand');
    // Codes and fingerprints only in the labelled appendix; times in the practice's zone, named.
    const [reading, appendix] = flat.split('Appendix: verification');
    expect(appendix).toContain(a.documentHash);
    expect(reading).not.toContain(a.documentHash);
    expect(reading).not.toContain('GB-ENG/private/adult');
    expect(reading).toContain('Adult agreement for private practice in England');
    expect(reading).toMatch(/Signed at \d{1,2} \w+ \d{4},? (at )?\d{2}:\d{2} (GMT|BST)/);
    expect(reading).not.toContain('UTC');
    expect((await auditActions(p.ctx, 'consent.pdf'))[0].details).toMatchObject({ via: 'practitioner' });
  });
});

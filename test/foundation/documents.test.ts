import { describe, expect, it } from 'vitest';
import { usePractice } from '../support/practice.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a7f1e0a70000000049454e44ae426082', 'hex');

describe('documents and attachments', () => {
  const p = usePractice({ client: { name: 'Doc Client' } });

  it('stores a letter encrypted and returns it byte for byte as a download', async () => {
    const up = await p.api.post(`/api/clients/${p.clientId}/documents`, { kind: 'attachment', fileName: '../../scan "1".png', content: PNG.toString('base64') });
    expect(up.statusCode).toBe(201);
    const meta = up.json() as { id: string; mediaType: string; fileName: string };
    expect(meta).toMatchObject({ mediaType: 'image/png', fileName: 'scan 1.png' });
    const list = (await p.api.get(`/api/clients/${p.clientId}/documents`)).json() as { id: string }[];
    expect(list.map((d) => d.id)).toEqual([meta.id]);
    const dl = await p.api.get(`/api/documents/${meta.id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses files whose bytes are not an accepted type, whatever their name says', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const res = await p.api.post(`/api/clients/${p.clientId}/documents`, { kind: 'letter', fileName: 'letter.pdf', content: html });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { field: 'content' } });
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]).toString('base64');
    expect((await p.api.post(`/api/clients/${p.clientId}/documents`, { kind: 'attachment', fileName: 'x.pdf', content: exe })).statusCode).toBe(400);
    expect((await p.api.post(`/api/clients/${p.clientId}/documents`, { kind: 'attachment', fileName: 'x.txt', content: '@@notbase64@@' })).statusCode).toBe(400);
  });
});

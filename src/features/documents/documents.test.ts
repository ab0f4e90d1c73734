import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { usePractice } from '../../../test/support/practice.js';
import { DOCX, ODT } from './office-files.js';

const docx = () => Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
// The OpenDocument rule: "mimetype" first and stored uncompressed.
const odt = (mimetype = ODT) => Buffer.from(zipSync({ mimetype: [strToU8(mimetype), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') }));
const otherZip = () => Buffer.from(zipSync({ 'setup.exe': new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]), 'readme.txt': strToU8('run me') }));
// The start of a Windows program: "MZ", the DOS stub and its message.
const exe = () => Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.from('This program cannot be run in DOS mode.')]);

describe('uploads are recognised by their content', () => {
  const p = usePractice({ client: { name: 'Upload Client' } });

  const upload = (fileName: string, bytes: Buffer) => p.api.post(`/api/clients/${p.clientId}/documents`, { kind: 'letter', fileName, content: bytes.toString('base64') });

  it('accepts Word and OpenDocument letters, typed by what the archive holds', async () => {
    const w = await upload('referral.docx', docx());
    expect(w.statusCode).toBe(201);
    expect(w.json()).toMatchObject({ mediaType: DOCX });
    const o = await upload('referral.odt', odt());
    expect(o.statusCode).toBe(201);
    expect(o.json()).toMatchObject({ mediaType: ODT });
  });

  it('refuses a program named as a letter, and any other archive, saying what is accepted', async () => {
    for (const [name, bytes] of [['letter.pdf', exe()], ['letter.docx', otherZip()], ['letter.odt', odt('application/vnd.oasis.opendocument.spreadsheet')]] as const) {
      const res = await upload(name, bytes);
      expect(res.statusCode).toBe(400);
      const error = (res.json() as { error: { field: string; message: string } }).error;
      expect(error.field).toBe('content');
      expect(error.message).toContain('Upload a PDF, a Word or OpenDocument text file');
    }
    const list = (await p.api.get(`/api/clients/${p.clientId}/documents`)).json() as unknown[];
    expect(list).toEqual([]);
  });
});

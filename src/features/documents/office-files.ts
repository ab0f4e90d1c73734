/**
 * Word-processor files are ZIP archives, and so is almost anything else (a renamed installer, a
 * folder of scripts). A DOCX or ODT is recognised by what its archive holds, read from the ZIP's
 * central directory; nothing is unpacked.
 */

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT = 'application/vnd.oasis.opendocument.text';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entry names of a ZIP archive, or null when the bytes are not a readable archive. */
export function zipEntryNames(b: Buffer): string[] | null {
  if (b.length < 22 || b.readUInt32LE(0) !== LOCAL) return null;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) return null;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return null;
    names.push(b.subarray(at + 46, at + 46 + nameLen).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** A DOCX holds a content-types list and a main document part. */
export function isDocx(b: Buffer): boolean {
  const names = zipEntryNames(b);
  return names !== null && names.includes('[Content_Types].xml') && names.includes('word/document.xml');
}

/**
 * An ODT starts with an uncompressed entry named "mimetype" holding the text-document type
 * (the OpenDocument packaging rule), and holds content.xml.
 */
export function isOdt(b: Buffer): boolean {
  if (b.length < 38 || b.readUInt32LE(0) !== LOCAL) return false;
  const method = b.readUInt16LE(8);
  const size = b.readUInt32LE(18);
  const nameLen = b.readUInt16LE(26);
  const extraLen = b.readUInt16LE(28);
  const name = b.subarray(30, 30 + nameLen).toString('latin1');
  if (method !== 0 || name !== 'mimetype') return false;
  const start = 30 + nameLen + extraLen;
  if (b.subarray(start, start + size).toString('latin1') !== ODT) return false;
  return zipEntryNames(b)?.includes('content.xml') ?? false;
}
